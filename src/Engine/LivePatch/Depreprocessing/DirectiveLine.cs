namespace KlpCcp.Engine.LivePatch.Depreprocessing;

/// <summary>
/// One recorded directive line of the unit: its input order, its raw text range
/// [<see cref="Loc"/>, <see cref="EndLoc"/>) and what it is (a group's branch or #endif, a
/// macro event, an #include).
/// </summary>
internal readonly record struct DirectiveLine(
    DirectiveLineKind Kind,
    long Key,
    int Loc,
    int EndLoc,
    int Group = -1,
    int Branch = -1,
    int Event = -1,
    int Include = -1);
