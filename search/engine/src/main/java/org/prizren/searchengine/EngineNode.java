package org.prizren.searchengine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.cluster.service.ClusterService;
import org.opensearch.common.logging.LogConfigurator;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.index.reindex.ReindexPlugin;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.plugins.Plugin;
import org.opensearch.transport.Netty4Plugin;

/**
 * One OpenSearch node in this JVM, with the modules the site needs loaded from the classpath.
 *
 * <p>Usage: {@code EngineNode HOME NODE_NAME HTTP_PORT TRANSPORT_PORT [SEED_PORT,...]}. Without
 * seed ports the node is a single-node cluster; with them it joins (or, as one of the listed
 * initial cluster managers, forms) the cluster "prizren-search" on 127.0.0.1. The process writes
 * "started HTTP_URL" on stdout once the node answers, and closes the node on SIGTERM.
 */
public final class EngineNode extends Node {

    static final List<Class<? extends Plugin>> PLUGINS =
            List.of(Netty4Plugin.class, CommonAnalysisPlugin.class, ReindexPlugin.class);

    private EngineNode(Environment environment, Collection<Class<? extends Plugin>> plugins) {
        super(environment, plugins, true);
    }

    @Override
    protected void configureNodeAndClusterIdStateListener(ClusterService clusterService) {
        // The node id goes to the log through the log pattern; nothing else to set.
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: EngineNode HOME NODE_NAME HTTP_PORT TRANSPORT_PORT [SEED_PORTS]");
            System.exit(2);
        }
        Path home = Paths.get(args[0]).toAbsolutePath();
        String nodeName = args[1];
        int httpPort = Integer.parseInt(args[2]);
        int transportPort = Integer.parseInt(args[3]);
        for (String dir : List.of("config", "data", "logs", "plugins", "modules")) {
            Files.createDirectories(home.resolve(dir));
        }

        Settings.Builder settings = Settings.builder()
                .put("cluster.name", "prizren-search")
                .put("node.name", nodeName)
                .put("path.home", home.toString())
                .put("path.data", home.resolve("data").toString())
                .put("path.logs", home.resolve("logs").toString())
                .put("network.host", "127.0.0.1")
                .put("http.port", httpPort)
                .put("transport.port", transportPort)
                // A development machine's disk may be fuller than a server's: never go read-only.
                .put("cluster.routing.allocation.disk.threshold_enabled", false)
                // Indexes are created by `update_index` with the site's analyzers and mappings;
                // a document sent before that is refused (and stays queued), never auto-mapped.
                .put("action.auto_create_index", false);
        if (args.length > 4) {
            List<String> seeds = List.of(args[4].split(","));
            settings.putList("discovery.seed_hosts",
                    seeds.stream().map(port -> "127.0.0.1:" + port).toList());
            settings.putList("cluster.initial_cluster_manager_nodes",
                    java.util.stream.IntStream.rangeClosed(1, seeds.size())
                            .mapToObj(i -> "node-" + i).toList());
        } else {
            settings.put("discovery.type", "single-node");
        }

        Environment environment = InternalSettingsPreparer.prepareEnvironment(
                settings.build(), java.util.Collections.emptyMap(), home.resolve("config"), () -> nodeName);
        LogConfigurator.configureWithoutConfig(environment.settings());

        EngineNode node = new EngineNode(environment, PLUGINS);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
            } catch (IOException e) {
                e.printStackTrace();
            } finally {
                stopped.countDown();
            }
        }, "engine-shutdown"));
        node.start();
        System.out.println("started http://127.0.0.1:" + httpPort);
        System.out.flush();
        stopped.await();
    }
}
