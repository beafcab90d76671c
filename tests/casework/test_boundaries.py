"""Dependencies point one way: `portal` and `cms_pages` use `casework`, and `casework` imports
neither (so retention and subject access read only the casework record; published reports in
cms_pages keep their own frozen figures)."""

import ast
from pathlib import Path

import casework

FORBIDDEN = ("portal", "cms_pages")


def imported_modules(path: Path):
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            yield node.module


def test_casework_imports_neither_portal_nor_cms_pages():
    root = Path(casework.__file__).parent
    offending = [
        f"{path.relative_to(root)}: {module}"
        for path in sorted(root.rglob("*.py"))
        for module in imported_modules(path)
        if module.split(".")[0] in FORBIDDEN
    ]
    assert offending == []
