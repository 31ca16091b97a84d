using System.Globalization;
using KlpCcp.Engine.LivePatch.Model;
using KlpCcp.Engine.LivePatch.Policy;
using KlpCcp.Engine.Semantics.Analysis;
using KlpCcp.Engine.Semantics.Types;
using KlpCcp.Engine.Syntax;

namespace KlpCcp.Engine.LivePatch.Output;

// The edits of SPEC §2.10: references rewritten, storage classes changed, initializers and
// unneeded tag bodies dropped, array lengths recovered; and tag declarations resolved.
internal sealed partial class OutputAssembly
{
    /// <summary>Every reference in the range to a renamed or pointerized symbol gets its new form.</summary>
    private void RewriteReferences(TokenEdits edits, int first, int last)
    {
        for (int i = first; i <= last; i++)
        {
            if (!_ids.TryGet(i, out var e) || e.IsDeclarator) continue;
            var rep = _plan.ReferenceReplacement(e.Symbol, e.IsCallee);
            if (rep is not null) edits.Replace(i, rep);
        }
    }

    /// <summary>
    /// The externalized variant of a declaration: the declarator renamed (or made a pointer
    /// <c>(*klpe_x)</c>), the storage class set by the linkage change (SPEC §2.10), function
    /// specifiers and attributes dropped when a function becomes a pointer.
    /// </summary>
    private void ExternalizeDeclaration(TokenEdits edits, Symbol s, DeclarationSpecifiers specs, Declarator declarator,
        Semantics.Analysis.DeclarationRecord? rec, bool isFunction)
    {
        var m = _plan.Externalized[s];
        var name = declarator.FindName();
        if (name is not null && (m.Pointer || m.Renamed(s.Name))) edits.Replace(name.Token, _plan.ExternalizedDeclaratorName(s));
        bool first = rec?.IsFirst ?? true;
        if (isFunction)
        {
            switch (m.Linkage)
            {
                case LinkageChange.MakeStatic:
                    if (first || m.Pointer) SetStorageClass(edits, specs, declarator, "static");
                    else if (specs.StorageClass is not Keyword.None and not Keyword.Static) RemoveStorageClass(edits, specs);
                    break;
                case LinkageChange.MakeExtern:
                    if (specs.StorageClass is not Keyword.None and not Keyword.Extern)
                    {
                        if (first) ReplaceStorageClass(edits, specs, "extern");
                        else RemoveStorageClass(edits, specs);
                    }
                    else if (specs.StorageClass == Keyword.None && m.Pointer) SetStorageClass(edits, specs, declarator, "extern");
                    break;
                default:
                    if (specs.StorageClass == Keyword.None && m.Pointer) SetStorageClass(edits, specs, declarator, "extern");
                    break;
            }
            if (m.Pointer)
            {
                // attributes and specifiers that belong to a function, not to a pointer variable
                foreach (var sp in specs.Items)
                {
                    if (sp is AttributeSpecifier || sp is KeywordSpecifier { Keyword: Keyword.Inline or Keyword.Noreturn })
                        edits.Purge(sp.FirstToken, sp.LastToken, requireBlank: true);
                }
                // attributes after the declarator
                if (declarator.LastToken + 1 < _unit.Count)
                    PurgeTrailingAttributes(edits, declarator);
            }
        }
        else
        {
            switch (m.Linkage)
            {
                case LinkageChange.MakeStatic:
                    // later declarations refer back to the static one with extern (without a
                    // storage class they would be definitions with external linkage: SPEC §2.10 defect)
                    SetStorageClass(edits, specs, declarator, first ? "static" : "extern");
                    break;
                case LinkageChange.MakeExtern:
                    SetStorageClass(edits, specs, declarator, "extern");
                    break;
                default:
                    if (specs.StorageClass == Keyword.None && m.Pointer) SetStorageClass(edits, specs, declarator, "extern");
                    break;
            }
            // the object's attributes (section, alignment, visibility) are not the pointer's
            if (m.Pointer) PurgeAttributes(edits, specs, declarator);
        }
    }

    /// <summary>
    /// The declaration's attributes: in the specifiers, among pointer qualifiers, in parentheses of
    /// the declarator, after it. A specifier holding only <c>unused</c> stays: it applies to the
    /// pointer as well, and a local static declared <c>__maybe_unused</c> (INIT_WORK's lockdep key)
    /// would otherwise become an unused variable under -Werror.
    /// </summary>
    private void PurgeAttributes(TokenEdits edits, DeclarationSpecifiers specs, Declarator declarator)
    {
        foreach (var sp in specs.Items)
            if (sp is AttributeSpecifier a && !OnlyUnused(a)) edits.Purge(sp.FirstToken, sp.LastToken, requireBlank: true);
        for (Declarator? d = declarator; d is not null; d = d.InnerDeclarator)
        {
            switch (d)
            {
                case PointerDeclarator p:
                    foreach (var q in p.Qualifiers)
                        if (q is AttributeSpecifier a && !OnlyUnused(a)) edits.Purge(a.FirstToken, a.LastToken, requireBlank: true);
                    break;
                case ParenthesizedDeclarator pd:
                    foreach (var a in pd.Attributes)
                        if (!OnlyUnused(a)) edits.Purge(a.FirstToken, a.LastToken, requireBlank: true);
                    break;
            }
        }
        if (declarator.LastToken + 1 < _unit.Count) PurgeTrailingAttributes(edits, declarator);
    }

    private bool OnlyUnused(AttributeSpecifier a) =>
        a.Attributes.Length > 0 && a.Attributes.All(i => _unit.Names[i.Name] is "unused" or "__unused__");

    private void PurgeTrailingAttributes(TokenEdits edits, Declarator declarator)
    {
        // attributes of an init-declarator or of a function definition's declarator
        if (_declaratorNodes is null)
        {
            _declaratorNodes = new Dictionary<Declarator, SyntaxNode>(ReferenceEqualityComparer.Instance);
            foreach (var item in _model.Items)
                foreach (var di in item.Declarators)
                    if (di.Declarator is { } d) _declaratorNodes.TryAdd(d, di.Node);
        }
        switch (_declaratorNodes.GetValueOrDefault(declarator))
        {
            case InitDeclarator id:
                foreach (var a in id.Attributes)
                    if (!OnlyUnused(a)) edits.Purge(a.FirstToken, a.LastToken, requireBlank: true);
                break;
            case FunctionDefinition fd:
                foreach (var a in fd.Attributes) edits.Purge(a.FirstToken, a.LastToken, requireBlank: true);
                break;
        }
    }

    /// <summary>Each file-scope declarator's node (init-declarator or function definition), built on first use.</summary>
    private Dictionary<Declarator, SyntaxNode>? _declaratorNodes;

    /// <summary>Makes the storage class <paramref name="keyword"/>: replaces the written one, or inserts it first.</summary>
    private void SetStorageClass(TokenEdits edits, DeclarationSpecifiers specs, Declarator? declarator, string keyword)
    {
        var sc = StorageClassToken(specs);
        if (sc >= 0)
        {
            if (_unit.Spell(_unit.Tokens[sc]) != keyword) edits.Replace(sc, keyword);
            return;
        }
        int at = specs.Items.Length > 0 ? specs.FirstToken : declarator?.FirstToken ?? specs.FirstToken;
        edits.InsertBefore(at, keyword + " ");
    }

    private void ReplaceStorageClass(TokenEdits edits, DeclarationSpecifiers specs, string keyword)
    {
        var sc = StorageClassToken(specs);
        if (sc >= 0) edits.Replace(sc, keyword);
        else SetStorageClass(edits, specs, null, keyword);
    }

    private void RemoveStorageClass(TokenEdits edits, DeclarationSpecifiers specs)
    {
        var sc = StorageClassToken(specs);
        if (sc >= 0) edits.Purge(sc, sc, requireBlank: false);
    }

    private static int StorageClassToken(DeclarationSpecifiers specs)
    {
        foreach (var sp in specs.Items)
            if (sp is KeywordSpecifier k && k.Keyword is Keyword.Static or Keyword.Extern or Keyword.Auto or Keyword.Register or Keyword.Typedef)
                return k.Token;
        return -1;
    }

    private static void PurgeInitializer(TokenEdits edits, DeclaratorItem di)
    {
        if (di.Node is InitDeclarator { Initializer: { } init } id)
        {
            // from the '=' to the end of the initializer
            int eq = init.FirstToken - 1;
            edits.Purge(eq, init.LastToken);
        }
    }

    /// <summary>
    /// An array declared with [] whose length came from the dropped initializer gets the
    /// length written in when its type matters (SPEC §2.9: <c>static int t[] = {1, 2, 3};</c>
    /// used in sizeof → <c>static int t[3];</c>).
    /// </summary>
    private void RecoverArrayLength(TokenEdits edits, DeclaratorItem di)
    {
        if (di.Symbol is not ObjectSymbol o || di.Node is not InitDeclarator { Initializer: not null } id) return;
        // the length matters for the type (sizeof), or the declaration stays a definition: an
        // internal object's declaration without initializer is a tentative definition
        bool definition = o.Linkage == Semantics.Analysis.Linkage.Internal && !_plan.ExternalizedObjects.Contains(o) && o.IsFileScope;
        if (!definition && !_compositeDeclarations.Contains(o) && !(_plan.ExternalizedObjects.Contains(o) && !_plan.Externalized[o].Pointer && o.IsFileScope)) return;
        if (id.Declarator is not { } decl) return;
        // the outermost array declarator applying to the name with no size
        ArrayDeclarator? target = null;
        for (Declarator? d = decl; d is not null; d = d.InnerDeclarator)
        {
            if (d is ArrayDeclarator a && a.Inner?.FindName() is not null && a.Inner is IdentifierDeclarator or ParenthesizedDeclarator)
            {
                target = a;
                break;
            }
            if (d is ArrayDeclarator a2 && a2.Inner is IdentifierDeclarator) { target = a2; break; }
        }
        if (target is null || target.Size is not null) return;
        if (o.Type.CanonicalType is ArrayType { SizeKind: ArraySizeKind.Fixed } at)
            edits.InsertBefore(target.OpenBracketToken + 1, at.Length.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Tag definitions in the item that are not needed lose their body (and trailing attributes).</summary>
    private void PurgeUnneededTagBodies(TokenEdits edits, ExternalItem item, bool definedElsewhere = false)
    {
        foreach (var spec in item.TagDefinitions)
        {
            if (_sema.TagMentionOf(spec) is not { } m) continue;
            if (_tagDefinitions.Contains(m.Tag) && !definedElsewhere) continue;
            if (m.Tag.IsAnonymous) continue; // an anonymous definition cannot become a declaration
            if (IsNestedIn(spec, item.TagDefinitions)) continue;
            switch (spec)
            {
                case StructSpecifier s when s.OpenBraceToken >= 0:
                    edits.Purge(s.OpenBraceToken, s.LastToken, requireBlank: true);
                    break;
                case EnumSpecifier e when e.HasBody:
                    {
                        int open = e.TagToken + 1;
                        edits.Purge(open, e.LastToken, requireBlank: true);
                        break;
                    }
            }
        }
    }

    private int DeclaratorEnd(DeclaratorItem di) =>
        di.Node is InitDeclarator { Initializer: { } init } ? init.FirstToken - 2 : di.Node.LastToken;

    // ---- tag declarations (SPEC §2.9) -------------------------------------------------------

    /// <summary>Records the file-scope tag mentions an emitted range contains: they declare the tag from there on.</summary>
    private void NoteMentions(ExternalItem item, int first, int last)
    {
        foreach (var m in MentionsIn(first, last))
            if (m.IsFileScope && !m.IsNestedInTagDefinition) _declaredAt.TryAdd(m.Tag, m.Specifier.FirstToken);
    }

    private IEnumerable<TagMention> MentionsIn(int first, int last)
    {
        if (_mentionsByToken is null)
        {
            var all = new List<TagMention>();
            foreach (var s in _sema.Symbols)
                if (s is TagSymbol t) all.AddRange(t.Mentions);
            // stable: mentions of one token keep the symbol order the scan used to give
            _mentionsByToken = all.Select((m, i) => (m, i)).OrderBy(p => p.m.Specifier.FirstToken).ThenBy(p => p.i).Select(p => p.m).ToArray();
        }
        int lo = 0, hi = _mentionsByToken.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_mentionsByToken[mid].Specifier.FirstToken < first) lo = mid + 1; else hi = mid;
        }
        for (int k = lo; k < _mentionsByToken.Length && _mentionsByToken[k].Specifier.FirstToken <= last; k++)
            yield return _mentionsByToken[k];
    }

    /// <summary>Every tag mention of the unit by the first token of its specifier, built on first use.</summary>
    private TagMention[]? _mentionsByToken;

    /// <summary>
    /// Needed tag declarations not satisfied by an emitted definition or mention before the use
    /// get one: the first visible file-scope mention not nested in a tag definition, written as
    /// <c>struct X;</c>, else the outermost definition containing the first mention. Returns
    /// true when the output must be assembled again.
    /// </summary>
    private bool ResolveTagDeclarations()
    {
        bool changed = false;
        foreach (var tag in _tagDeclarations)
        {
            if (_tagDefinitions.Contains(tag)) continue;
            if (_declaredAt.ContainsKey(tag)) continue;
            if (tag.Mentions.Count == 0) continue;
            // provided by an included header?
            var firstMention = tag.Mentions[0];
            var item = _model.ItemAt(firstMention.Specifier.FirstToken);
            if (item is not null && IncludeRootOf(item) >= 0) continue;
            var declaring = tag.Mentions.FirstOrDefault(m => m.IsFileScope && !m.IsNestedInTagDefinition);
            if (declaring is not null && _model.ItemAt(declaring.Specifier.FirstToken) is { } declItem)
            {
                if (!_tagForwardDeclarations.TryGetValue(declItem.Index, out var list))
                    _tagForwardDeclarations[declItem.Index] = list = new List<Specifier>();
                if (!list.Contains(declaring.Specifier))
                {
                    list.Add(declaring.Specifier);
                    changed = true;
                }
                continue;
            }
            // all mentions are nested in tag definitions: emit the outermost containing the first
            var spec = firstMention.EnclosingDefinition;
            while (spec is not null && _sema.TagMentionOf(spec)?.EnclosingDefinition is { } up) spec = up;
            if (spec is not null && _sema.TagMentionOf(spec) is { } outer && !_tagDefinitions.Contains(outer.Tag))
            {
                NeedTagDefinition(outer.Tag);
                changed = true;
            }
        }
        return changed;
    }
}
