"""Print (or write) the nginx configuration of deploy/nginx/ for this machine's paths."""

from django.core.management.base import BaseCommand, CommandError

from core.nginx import render_server, write_standalone


class Command(BaseCommand):
    help = "Render the nginx server configuration (deploy/nginx/prizren.conf)."

    def add_arguments(self, parser):
        parser.add_argument("--listen", default="80", help="nginx's listen address (80)")
        parser.add_argument(
            "--upstream",
            action="append",
            help="an application server, host:port (repeatable; default 127.0.0.1:8001)",
        )
        parser.add_argument("--server-name", default="_")
        parser.add_argument(
            "--real-ip-from",
            action="append",
            default=[],
            help="address or network of the TLS terminator in front (repeatable)",
        )
        parser.add_argument(
            "--forwarded-proto",
            default="https",
            help="X-Forwarded-Proto sent to the application (https: TLS ends in front)",
        )
        parser.add_argument("--static-root", help="default: STATIC_ROOT")
        parser.add_argument("--media-root", help="default: MEDIA_ROOT")
        parser.add_argument(
            "--standalone",
            metavar="PREFIX",
            help="write a complete configuration for an unprivileged nginx under PREFIX",
        )

    def handle(self, *args, **options):
        server_options = {
            "listen": options["listen"],
            "upstreams": options["upstream"] or ["127.0.0.1:8001"],
            "server_name": options["server_name"],
            "real_ip_from": options["real_ip_from"],
            "forwarded_proto": options["forwarded_proto"],
            "static_root": options["static_root"],
            "media_root": options["media_root"],
        }
        try:
            if options["standalone"]:
                path = write_standalone(options["standalone"], **server_options)
                self.stdout.write(f"nginx -p {options['standalone']} -c {path}")
            else:
                self.stdout.write(render_server(**server_options))
        except ValueError as error:
            raise CommandError(str(error)) from error
