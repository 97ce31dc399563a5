# SPDX-License-Identifier: MIT
# wasmbytes.py - what the Python parts of the tests compute about Wasm
# bytes themselves, written once: the length of a LEB128 field.


def leb_len(n):
    """Bytes in the unsigned LEB128 encoding of n."""
    k = 1
    while n >= 0x80:
        n >>= 7
        k += 1
    return k
