#!/usr/bin/env python3
"""Regenerates GccBuiltinData.g.cs: the prototype of every gcc builtin function, measured from
gcc itself (x86_64 and aarch64 gcc 12).

The names are those gcc answers __has_builtin for (Toolchain/Data/GccFeatureData.g.cs, itself
measured). Two probes, each one compile of a file with one line per builtin:

1. Address: `struct __probe *p = NAME;` makes gcc print the builtin's pointer type in its
   "incompatible pointer type" warning, e.g. 'void * (*)(void *, const void *, long unsigned int)'.
2. Builtins that "must be directly called" are called instead. With k arguments of type
   struct __probe, gcc says "too few"/"too many arguments" or, per argument, "expected 'T' but
   argument is of type 'struct __probe'": rounds k = 0..MAX give the arity, variadic-ness and the
   parameter types. The return type comes from `r = NAME(0, ...)` with r a struct __probe:
   "incompatible types when assigning to type 'struct __probe' from type 'T'" (or "void value
   not ignored").

Type-generic builtins (__builtin_add_overflow, __atomic_load_n, __sync_fetch_and_add...) have no
prototype; what the probes cannot express is left out and the analyzer types those calls itself.

Usage (from this directory): python3 gen_builtins.py [X86_GCC [AARCH64_GCC]]
"""
import os, re, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
FEATURES = os.path.join(HERE, "..", "..", "..", "Toolchain", "Data", "GccFeatureData.g.cs")
OUT = os.path.join(HERE, "GccBuiltinData.g.cs")
X86 = sys.argv[1] if len(sys.argv) > 1 else "/usr/bin/gcc"
ARM = sys.argv[2] if len(sys.argv) > 2 else "aarch64-linux-gnu-gcc-12"
MAX_ARGS = 9
ENV = dict(os.environ, LC_ALL="C", LANG="C")


def names(prefix):
    text = open(FEATURES).read()
    core = re.search(prefix + r"CoreBuiltins =\s*(.*?);", text, re.S).group(1)
    core = "".join(re.findall(r'"([^"]*)"', core)).split()
    lib = re.search(prefix + r"LibraryBuiltins =\s*\[(.*?)\];", text, re.S).group(1)
    lib = re.findall(r'\("([^"]+)",', lib)
    return sorted(set(core) | set(lib))


def compile_lines(gcc, lines, header=""):
    with tempfile.NamedTemporaryFile("w", suffix=".c", delete=False) as f:
        f.write(header)
        base = header.count("\n")
        f.write("\n".join(lines) + "\n")
        path = f.name
    p = subprocess.run([gcc, "-fsyntax-only", "-fdiagnostics-plain-output", "-std=gnu11", path],
                       capture_output=True, text=True, env=ENV)
    os.unlink(path)
    out = {}
    for line in p.stderr.splitlines():
        m = re.match(r"[^:]+:(\d+):\d+: (warning|error|note): (.*)", line)
        if m:
            out.setdefault(int(m.group(1)) - base - 1, []).append((m.group(2), m.group(3)))
    return out


def split_params(s):
    parts, depth, cur = [], 0, ""
    for ch in s:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == "," and depth == 0:
            parts.append(cur.strip())
            cur = ""
        else:
            cur += ch
    if cur.strip():
        parts.append(cur.strip())
    return parts


def parse_pointer_type(t):
    """'RET (*)(PARAMS)' -> (ret, [params], variadic) or None (unprototyped: params None)."""
    t = re.sub(r"__attribute__\(\([^)]*\)\)\s*", "", t).strip()
    i = t.find("(*)(")
    if i < 0 or not t.endswith(")"):
        return None
    ret = t[:i].strip()
    inner = t[i + 4:-1]
    if inner == "":
        return (ret, None, False)
    ps = split_params(inner)
    variadic = bool(ps) and ps[-1] == "..."
    if variadic:
        ps = ps[:-1]
    if ps == ["void"]:
        ps = []
    return (ret, ps, variadic)


def measure(gcc):
    all_names = names("X86_64" if "aarch64" not in gcc else "AArch64")
    header = "struct __probe { int x; };\n"
    result, pending = {}, []
    diags = compile_lines(gcc, [f"struct __probe *__p{i} = {n};" for i, n in enumerate(all_names)], header)
    for i, n in enumerate(all_names):
        got = None
        for sev, msg in diags.get(i, []):
            m = re.search(r"(?:with incompatible type|from incompatible pointer type) '(.*)'", msg)
            if m:
                got = parse_pointer_type(m.group(1))
        if got and got[1] is not None:
            result[n] = got
        else:
            pending.append(n)

    # calls with k struct arguments
    info = {n: {} for n in pending}
    for k in range(MAX_ARGS + 1):
        args = ", ".join(["__s"] * k)
        lines = [f"void __f{i}(void) {{ struct __probe __s; {n}({args}); }}" for i, n in enumerate(pending)]
        diags = compile_lines(gcc, lines, header)
        for i, n in enumerate(pending):
            r = {"few": False, "many": False, "types": {}}
            last_arg = None
            for sev, msg in diags.get(i, []):
                if msg.startswith("too few arguments"):
                    r["few"] = True
                elif msg.startswith("too many arguments"):
                    r["many"] = True
                m = re.match(r"incompatible type for argument (\d+) of", msg)
                if m:
                    last_arg = int(m.group(1))
                m = re.match(r"expected '(.*)' but argument is of type 'struct __probe'", msg)
                if m and last_arg is not None:
                    r["types"][last_arg] = m.group(1)
                    last_arg = None
            info[n][k] = r
    arity = {}
    for n in pending:
        fixed = next((k for k in range(MAX_ARGS + 1) if not info[n][k]["few"] and not info[n][k]["many"]), None)
        if fixed is None:
            continue
        types = info[n][fixed]["types"]
        if any(j not in types for j in range(1, fixed + 1)):
            continue
        variadic = fixed < MAX_ARGS and not info[n][fixed + 1]["many"]
        arity[n] = ([types[j] for j in range(1, fixed + 1)], variadic)
    names_b = sorted(arity)
    lines = []
    for i, n in enumerate(names_b):
        args = ", ".join(["0"] * len(arity[n][0]))
        lines.append(f"void __g{i}(void) {{ struct __probe __r; __r = {n}({args}); }}")
    diags = compile_lines(gcc, lines, header)
    for i, n in enumerate(names_b):
        ret = None
        for sev, msg in diags.get(i, []):
            m = re.match(r"incompatible types when assigning to type 'struct __probe' from type '(.*)'", msg)
            if m:
                ret = m.group(1)
            elif msg.startswith("void value not ignored"):
                ret = "void"
        if ret is not None:
            result[n] = (ret, arity[n][0], arity[n][1])
    return result


def cs_string(rows):
    out = []
    for n in sorted(rows):
        ret, ps, variadic = rows[n]
        out.append(f"{n}|{ret}|{';'.join(ps)}|{'v' if variadic else ''}")
    text = "\n".join(out) + "\n"
    chunks = [text[i:i + 110] for i in range(0, len(text), 110)]
    return "\n        + ".join('"' + c.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"' for c in chunks)


def main():
    x86 = measure(X86)
    try:
        subprocess.run([ARM, "--version"], capture_output=True, check=True)
        arm = measure(ARM)
    except (OSError, subprocess.CalledProcessError):
        arm = {}
    version = subprocess.run([X86, "-dumpfullversion"], capture_output=True, text=True).stdout.strip()
    with open(OUT, "w") as f:
        f.write("// <auto-generated> by gen_builtins.py from gcc " + version + "; do not edit. </auto-generated>\n")
        f.write("namespace KlpCcp.Engine.Semantics.Analysis.Builtins;\n\n")
        f.write("/// <summary>gcc's builtin prototypes, one per line: name|return type|parameter types (;-separated)|v when variadic.</summary>\n")
        f.write("internal static class GccBuiltinData\n{\n")
        f.write(f"    /// <summary>x86_64 gcc {version}: {len(x86)} builtins.</summary>\n")
        f.write("    internal static readonly string X86_64 =\n        " + cs_string(x86) + ";\n\n")
        f.write(f"    /// <summary>aarch64 gcc: {len(arm)} builtins.</summary>\n")
        f.write("    internal static readonly string AArch64 =\n        " + (cs_string(arm) if arm else '""') + ";\n")
        f.write("}\n")
    print(f"x86_64: {len(x86)} builtins, aarch64: {len(arm)} builtins -> {OUT}")


if __name__ == "__main__":
    main()
