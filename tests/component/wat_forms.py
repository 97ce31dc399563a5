#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# wat_forms.py WAT - counts the top-level forms of a component in the text
# format (as `jco print` writes it), by the section their entries come
# from, and prints them as JSON: {"alias": 70, "canon": 27, ...}.  canon
# entries print as (core func (canon lower ...)) and (func (canon lift
# ...)); the other kinds print as forms of their own name.  The tests
# compare these counts, from an independent printer, with wasmsize's.
import collections, json, re, sys

KIND = {'core func': 'canon', 'func': 'canon', 'core instance': 'core instance',
        'core type': 'core type', 'core module': 'core module',
        'component': 'component', 'instance': 'instance', 'alias': 'alias',
        'type': 'type', 'import': 'import', 'export': 'export',
        'start': 'start', 'value': 'value'}

text = open(sys.argv[1]).read()
text = re.sub(r'"(?:[^"\\]|\\.)*"', '""', text)       # strings
text = re.sub(r'\(;.*?;\)', '', text, flags=re.S)       # block comments
text = re.sub(r';;[^\n]*', '', text)                    # line comments
depth, counts = 0, collections.Counter()
for m in re.finditer(r'[()]', text):
    if m.group() == ')':
        depth -= 1
        continue
    depth += 1
    if depth == 2:
        head = re.match(r'\(\s*(core\s+\w+|[\w@.]+)', text[m.start():])
        word = re.sub(r'\s+', ' ', head.group(1)) if head else '?'
        if word in KIND:
            counts[KIND[word]] += 1
json.dump(dict(sorted(counts.items())), sys.stdout)
print()
