using KlpCcp.Engine.Diagnostics;
using KlpCcp.Engine.Semantics.Types.Layout;

namespace KlpCcp.Engine.Semantics.Types;

/// <summary>
/// A struct or union type: one object per tag declaration (or per anonymous definition). It
/// starts incomplete and is completed in place by <see cref="Complete"/> when the definition's
/// closing brace is seen, so every earlier reference sees the completion.
/// </summary>
public sealed class RecordType : CType
{
    private static readonly RecordMember[] NoMembers = [];
    private RecordLayout? _layout;
    private bool _buildingLayout;
    private Dictionary<string, MemberPath>? _lookup;

    internal RecordType(TypeContext context, TypeKind kind, string? tag) : base(context, kind)
    {
        Tag = tag;
        SetCanonicalToSelf();
    }

    /// <summary>The tag, or null for <c>struct { ... }</c> without one.</summary>
    public string? Tag { get; }
    public bool IsUnion => Kind == TypeKind.Union;
    public bool IsDefined { get; private set; }
    public override bool IsComplete => IsDefined;
    /// <summary>True between the opening and the closing brace of the definition.</summary>
    public bool IsBeingDefined { get; set; }
    public IReadOnlyList<RecordMember> Members { get; private set; } = NoMembers;
    public RecordAttributes Attributes { get; private set; }
    public bool IsTransparentUnion { get; private set; }
    /// <summary>The last member is an array of unknown size (C11 6.7.2.1p18).</summary>
    public bool HasFlexibleArrayMember { get; private set; }
    /// <summary>The tag declaration or definition, for the semantic analyzer (opaque here).</summary>
    public object? Declaration { get; set; }

    /// <summary>
    /// Completes the type with its members (in declaration order) and layout attributes,
    /// reporting gcc's errors for invalid members. The layout itself is computed on first use.
    /// </summary>
    public void Complete(IReadOnlyList<RecordMember> members, RecordAttributes attributes, DiagnosticBag diagnostics, DiagnosticLocation? location = null)
    {
        if (IsDefined)
        {
            diagnostics.Error($"redefinition of '{(IsUnion ? "union" : "struct")} {Tag}'", location);
            return;
        }
        Members = members;
        Attributes = attributes;
        IsTransparentUnion = attributes.TransparentUnion;
        IsDefined = true;
        IsBeingDefined = false;
        _layout = null;
        _lookup = null;
        RecordMemberChecks.Check(this, diagnostics, location);
        HasFlexibleArrayMember = !IsUnion && members.Count > 0 && members[^1].Type.Canonical.Type is ArrayType { SizeKind: ArraySizeKind.Incomplete };
        if (IsTransparentUnion) RecordMemberChecks.CheckTransparentUnion(this, diagnostics, location);
    }

    /// <summary><c>transparent_union</c> applied after the definition (e.g. on a typedef of it).</summary>
    public void MarkTransparentUnion(DiagnosticBag diagnostics, DiagnosticLocation? location = null)
    {
        if (!IsUnion)
        {
            diagnostics.Warning("'transparent_union' attribute ignored", location);
            return;
        }
        IsTransparentUnion = true;
        if (IsDefined) RecordMemberChecks.CheckTransparentUnion(this, diagnostics, location);
    }

    /// <summary>Size, alignment and member offsets, computed once (the type must be complete).</summary>
    public RecordLayout Layout
    {
        get
        {
            if (_layout is not null) return _layout;
            if (!IsDefined) throw new InvalidOperationException($"layout of incomplete type '{this}'");
            // A record that contains itself (an error already reported) must not recurse forever.
            if (_buildingLayout) return new RecordLayout(0, 1, new Layout.MemberLayout[Members.Count], false);
            _buildingLayout = true;
            try
            {
                return _layout = RecordLayoutBuilder.Build(this);
            }
            finally
            {
                _buildingLayout = false;
            }
        }
    }

    /// <summary>
    /// Finds a member by name, looking into anonymous struct/union members (C11 6.7.2.1p13).
    /// The path and the member's offset come back in <paramref name="path"/>.
    /// </summary>
    public bool TryFindMember(string name, out MemberPath path)
    {
        if (!IsDefined)
        {
            path = default;
            return false;
        }
        _lookup ??= BuildLookup();
        return _lookup.TryGetValue(name, out path);
    }

    private Dictionary<string, MemberPath> BuildLookup()
    {
        var map = new Dictionary<string, MemberPath>(StringComparer.Ordinal);
        var layout = Layout;
        for (var i = 0; i < Members.Count; i++)
        {
            var m = Members[i];
            if (m.Name is not null)
            {
                map.TryAdd(m.Name, new MemberPath(this, [i], m, layout.Members[i].BitOffset));
            }
            else if (m.IsAnonymousRecord && m.Type.CanonicalType is RecordType inner && inner.IsDefined)
            {
                inner._lookup ??= inner.BuildLookup();
                foreach (var (innerName, innerPath) in inner._lookup)
                {
                    var indices = new int[innerPath.Indices.Length + 1];
                    indices[0] = i;
                    innerPath.Indices.CopyTo(indices, 1);
                    map.TryAdd(innerName, new MemberPath(this, indices, innerPath.Member, layout.Members[i].BitOffset + innerPath.BitOffset));
                }
            }
        }
        return map;
    }
}
