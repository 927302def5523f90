#!/usr/bin/env python3
"""Validates every rubric file of a bank against the JSON Schemas in Rubrics/schema/.

Usage: scripts/validate-rubric-schemas.py [RUBRICS_DIR] [--schemas DIR] [--write-ids]

bank.yaml is checked against bank.schema.json, concepts/*.yaml against concepts.schema.json,
misconceptions/*.yaml against misconceptions.schema.json and every
other <domain>/<question>.yaml against rubric.schema.json. Each file must also name its schema on its
first line (`# yaml-language-server: $schema=...`), which is what gives YAML editors completion and
checks. Prints one `file: problem` line per problem and exits 1 if there was any.

YAML is read as YAML 1.2 reads it, as editors and `rehearse rubric lint` do: only true and false are
booleans, so `required: yes` is the error it is everywhere. A value under a "oneOf" (a concept is a
`ref` or defined in place) is reported by the field that is wrong, not as "not valid under any".

The `ref` of a concept or misconception completes from an enum of the bank's ids in rubric.schema.json;
--write-ids regenerates those enums from concepts/ and misconceptions/, and a stale enum is a problem.

Needs the `jsonschema` and `PyYAML` Python packages (scripts/setup.sh --test installs them).
"""
import argparse
import json
import pathlib
import re
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


class Yaml12Loader(yaml.SafeLoader):
    """PyYAML's safe loader with YAML 1.2's booleans: yes, no, on and off stay strings."""


Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def library_ids(root: pathlib.Path, folder: str) -> list:
    """The ids defined in concepts/ or misconceptions/, sorted."""
    ids = set()
    for path in sorted((root / folder).glob("*.y*ml")):
        try:
            document = yaml.load(path.read_text(encoding="utf-8"), Loader=Yaml12Loader) or {}
        except yaml.YAMLError:
            continue
        for item in document.get(folder, []) if isinstance(document, dict) else []:
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                ids.add(item["id"])
    return sorted(ids)


# Where each generated enum lives in rubric.schema.json, and the folder its ids come from.
ID_ENUMS = {("reference", "ref"): "concepts", ("misconceptionReference", "ref"): "misconceptions"}


def set_id_enums(rubric_schema: dict, root: pathlib.Path) -> list:
    """Puts the bank's ids into the schema's `ref` enums; returns the names of those that changed."""
    changed = []
    for (definition, field), folder in ID_ENUMS.items():
        properties = rubric_schema.get("definitions", {}).get(definition, {}).get("properties", {})
        if field not in properties:
            continue
        ids = library_ids(root, folder)
        if properties[field].get("enum") != ids:
            changed.append(f"{definition}.{field}")
        properties[field]["enum"] = ids
    return changed


def message(error) -> str:
    """For a oneOf/anyOf failure (a concept is a `ref` or defined in place), the reasons of the branch
    the value meant to be, each naming its field, rather than "not valid under any of the given schemas".
    The meant branch is the one whose own keys fit: fewest unexpected keys, then fewest errors."""
    if error.validator not in ("oneOf", "anyOf") or not error.context:
        return error.message
    branches = {}
    for sub in error.context:
        branches.setdefault(sub.relative_schema_path[0], []).append(sub)

    def misfit(errors):
        unexpected = sum(1 for e in errors if e.validator == "additionalProperties" and not e.relative_path)
        return (unexpected, len(errors))

    meant = min(branches.values(), key=misfit)
    reasons = []
    for sub in meant:
        where = "/".join(str(part) for part in sub.relative_path)
        reasons.append((f"{where}: " if where else "") + sub.message)
    return "; ".join(reasons)


def problems_in(path: pathlib.Path, root: pathlib.Path, schemas: dict) -> list:
    name = schema_name(path, root)
    text = path.read_text(encoding="utf-8")
    problems = []
    first_line = expected_first_line(path, root, name)
    if text.splitlines()[:1] != [first_line]:
        problems.append(f"the first line must be '{first_line}'")
    try:
        document = yaml.load(text, Loader=Yaml12Loader)
    except yaml.YAMLError as error:
        return problems + [f"invalid YAML: {error}"]
    validator = jsonschema.Draft7Validator(schemas[name])
    for error in sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path)):
        where = "/".join(str(part) for part in error.absolute_path) or "(top level)"
        problems.append(f"{where}: {message(error)} ({name})")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rubrics", nargs="?", default="Rubrics")
    parser.add_argument("--schemas", help="the schema folder (default: RUBRICS/schema)")
    parser.add_argument(
        "--write-ids", action="store_true", help="regenerate the enums of concept and misconception ids"
    )
    arguments = parser.parse_args()
    root = pathlib.Path(arguments.rubrics)
    schema_folder = pathlib.Path(arguments.schemas) if arguments.schemas else root / "schema"
    schemas = {}
    names = (
        "bank.schema.json", "concepts.schema.json", "misconceptions.schema.json", "rubric.schema.json",
        "synonyms.schema.json",
    )
    for name in names:
        if not (schema_folder / name).exists():
            continue
        schema = json.loads((schema_folder / name).read_text(encoding="utf-8"))
        jsonschema.Draft7Validator.check_schema(schema)
        schemas[name] = schema
    failures = 0
    # Validate against this bank's own ids; the file's enums are for editors, and must be this bank's
    # when the schemas are the bank's own.
    stale = set_id_enums(schemas["rubric.schema.json"], root)
    rubric_path = schema_folder / "rubric.schema.json"
    if arguments.write_ids and stale:
        rubric_path.write_text(json.dumps(schemas["rubric.schema.json"], indent=2, ensure_ascii=False) + "\n")
        print(f"{rubric_path}: regenerated {', '.join(stale)}")
    elif stale and not arguments.schemas:
        failures += 1
        print(f"{rubric_path}: the enum of ids in {', '.join(stale)} is stale; run {sys.argv[0]} --write-ids")
    files = sorted(p for p in root.rglob("*") if p.suffix in (".yaml", ".yml") and "schema" not in p.relative_to(root).parts[:1])
    for path in files:
        for problem in problems_in(path, root, schemas):
            failures += 1
            print(f"{path}: {problem}")
    print(f"{len(files)} files checked, {failures} problem{'' if failures == 1 else 's'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
