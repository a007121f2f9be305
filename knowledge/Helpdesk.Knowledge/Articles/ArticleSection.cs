namespace Helpdesk.Knowledge.Articles;

/// <summary>A heading and the plain text under it, up to the next heading.</summary>
/// <param name="Anchor">The heading's deep-link anchor (GitHub-style slug); empty for the opening section.</param>
/// <param name="Line">1-based line of the heading in the file.</param>
public sealed record ArticleSection(string Heading, string Anchor, int Level, string Text, int Line);
