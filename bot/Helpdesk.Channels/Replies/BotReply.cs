namespace Helpdesk.Channels.Replies;

/// <summary>
/// What the bot wants to say, before any channel decides how: text (a markdown subset every
/// channel renders), quick choices, article cards and a summary card. Channels turn it into their
/// best form (suggested actions, hero cards, Adaptive Cards) with <see cref="ReplyRenderer"/>.
/// </summary>
public sealed record BotReply
{
    public string? Text { get; init; }

    /// <summary>Buttons whose title is sent back as the customer's answer, exactly as if typed.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    public IReadOnlyList<ArticleCard> Articles { get; init; } = [];

    public SummaryCard? Summary { get; init; }

    public static BotReply Say(string text, params IReadOnlyList<string> choices) => new() { Text = text, Choices = choices };
}
