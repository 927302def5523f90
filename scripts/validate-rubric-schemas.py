#!/usr/bin/env python3
"""Validates every rubric file of a bank against the JSON Schemas in Rubrics/schema/.

Usage: scripts/validate-rubric-schemas.py [RUBRICS_DIR] [--schemas DIR]

bank.yaml is checked against bank.schema.json, concepts/*.yaml against concepts.schema.json,
misconceptions/*.yaml against misconceptions.schema.json and every
other <domain>/<question>.yaml against rubric.schema.json. Each file must also name its schema on its
first line (`# yaml-language-server: $schema=...`), which is what gives YAML editors completion and
checks. Prints one `file: problem` line per problem and exits 1 if there was any.

Needs the `jsonschema` and `PyYAML` Python packages (scripts/setup.sh --test installs them).
"""
import argparse
import json
import pathlib
import sys

import jsonschema
import yaml


def schema_name(path: pathlib.Path, root: pathlib.Path) -> str:
    relative = path.relative_to(root)
    if relative == pathlib.Path("bank.yaml"):
        return "bank.schema.json"
    if relative == pathlib.Path("synonyms.yaml"):
        return "synonyms.schema.json"
    if relative.parts[0] == "concepts":
        return "concepts.schema.json"
    if relative.parts[0] == "misconceptions":
        return "misconceptions.schema.json"
    return "rubric.schema.json"


def expected_first_line(path: pathlib.Path, root: pathlib.Path, schema: str) -> str:
    depth = len(path.relative_to(root).parts) - 1
    return f"# yaml-language-server: $schema={'../' * depth}schema/{schema}"


def problems_in(path: pathlib.Path, root: pathlib.Path, schemas: dict) -> list:
    name = schema_name(path, root)
    text = path.read_text(encoding="utf-8")
    problems = []
    first_line = expected_first_line(path, root, name)
    if text.splitlines()[:1] != [first_line]:
        problems.append(f"the first line must be '{first_line}'")
    try:
        document = yaml.safe_load(text)
    except yaml.YAMLError as error:
        return problems + [f"invalid YAML: {error}"]
    validator = jsonschema.Draft7Validator(schemas[name])
    for error in sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path)):
        where = "/".join(str(part) for part in error.absolute_path) or "(top level)"
        problems.append(f"{where}: {error.message} ({name})")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rubrics", nargs="?", default="Rubrics")
    parser.add_argument("--schemas", help="the schema folder (default: RUBRICS/schema)")
    arguments = parser.parse_args()
    root = pathlib.Path(arguments.rubrics)
    schema_folder = pathlib.Path(arguments.schemas) if arguments.schemas else root / "schema"
    schemas = {}
    for name in ("bank.schema.json", "concepts.schema.json", "rubric.schema.json", "synonyms.schema.json"):
        schema = json.loads((schema_folder / name).read_text(encoding="utf-8"))
        jsonschema.Draft7Validator.check_schema(schema)
        schemas[name] = schema
    files = sorted(p for p in root.rglob("*") if p.suffix in (".yaml", ".yml") and "schema" not in p.relative_to(root).parts[:1])
    failures = 0
    for path in files:
        for problem in problems_in(path, root, schemas):
            failures += 1
            print(f"{path}: {problem}")
    print(f"{len(files)} files checked, {failures} problem{'' if failures == 1 else 's'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
