"""The apps' imports follow config/layers.py: never from a lower layer to a higher one, and
no circle between apps. Reads every Python file of every app (migrations and imports inside
functions included) with ast, so it needs no database."""

import ast
import pathlib

from config.layers import LAYERS, layer_of

ROOT = pathlib.Path(__file__).resolve().parent.parent
NOT_APPS = {"tests"}


def project_apps(root=ROOT):
    return sorted(
        path.parent.name
        for path in root.glob("*/__init__.py")
        if path.parent.name not in NOT_APPS and not path.parent.name.startswith(".")
    )


def app_imports(apps, root=ROOT):
    """[(importing app, imported app, "file:line")] for every import of one app by another."""
    found = []
    for app in apps:
        for path in sorted((root / app).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            for node in ast.walk(tree):
                if isinstance(node, ast.Import):
                    modules = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    modules = [node.module]
                else:
                    continue
                for module in modules:
                    target = module.split(".")[0]
                    if target in apps and target != app:
                        where = f"{path.relative_to(root)}:{node.lineno}"
                        found.append((app, target, where))
    return found


def circles(edges):
    """Every set of two or more apps that import each other round a circle (Tarjan)."""
    graph = {}
    for source, target, _where in edges:
        graph.setdefault(source, set()).add(target)
        graph.setdefault(target, set())
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            part = set()
            while True:
                other = stack.pop()
                on_stack.discard(other)
                part.add(other)
                if other == node:
                    break
            if len(part) > 1:
                found.append(part)

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_every_app_has_a_layer():
    unplaced = [app for app in project_apps() if layer_of(app) is None]
    assert unplaced == [], f"apps missing from config/layers.py: {unplaced}"


def test_no_import_from_a_lower_layer_to_a_higher_one():
    upward = [
        f"{where}: {source} (layer {layer_of(source)}) imports {target} (layer {layer_of(target)})"
        for source, target, where in app_imports(project_apps())
        if layer_of(target) > layer_of(source)
    ]
    assert upward == [], "upward imports:\n" + "\n".join(upward)


def test_no_circle_between_apps():
    edges = app_imports(project_apps())
    problems = []
    for part in circles(edges):
        names = " <-> ".join(sorted(part))
        inside = [where for source, target, where in edges if source in part and target in part]
        problems.append(f"{names}: " + ", ".join(inside))
    assert problems == [], "circles:\n" + "\n".join(problems)


def test_the_check_finds_an_upward_import_and_a_circle(tmp_path):
    """On a small tree: core importing home inside a function is found with its file and
    line, and two domain apps importing each other make a circle."""
    files = {
        "core/__init__.py": "",
        "core/x.py": "import os\n\n\ndef f():\n    from home.models import HomePage\n",
        "home/__init__.py": "",
        "media_office/__init__.py": "",
        "media_office/a.py": "import transparency.models\n",
        "transparency/__init__.py": "",
        "transparency/b.py": "from media_office import feeds\nfrom . import local\n",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(text)
    edges = app_imports(project_apps(tmp_path), tmp_path)
    assert sorted(edges) == [
        ("core", "home", "core/x.py:5"),
        ("media_office", "transparency", "media_office/a.py:1"),
        ("transparency", "media_office", "transparency/b.py:1"),
    ]
    assert [edge for edge in edges if layer_of(edge[1]) > layer_of(edge[0])] == [
        ("core", "home", "core/x.py:5")
    ]
    assert circles(edges) == [{"media_office", "transparency"}]


def test_layers_name_each_app_once():
    names = [app for apps in LAYERS for app in apps]
    assert len(names) == len(set(names))
