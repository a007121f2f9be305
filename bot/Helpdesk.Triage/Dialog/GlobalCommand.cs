using System.Text.RegularExpressions;
using Helpdesk.Triage.Cases;

namespace Helpdesk.Triage.Dialog;

/// <summary>The words that work at any point of the conversation, whatever was asked.</summary>
public enum GlobalCommand
{
    None,
    Agent,
    Restart,
    Cancel,
    Help,
    Status,
}

/// <summary>Recognises a global command. Only short messages count, so "my agent app crashed when I
/// tried to cancel" is a problem description, not two commands — except an unmistakable request for
/// a person ("… I want to talk to a human"), which counts in a message of any length.</summary>
public static partial class GlobalCommands
{
    public static GlobalCommand Recognise(string text)
    {
        if (CaseReference.Find(text) is not null && StatusWords().IsMatch(text)) return GlobalCommand.Status;
        if (AskedForAPerson().IsMatch(text)) return GlobalCommand.Agent;
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (words > 8) return GlobalCommand.None;
        if (Agent().IsMatch(text)) return GlobalCommand.Agent;
        if (words > 4) return GlobalCommand.None;
        if (Restart().IsMatch(text)) return GlobalCommand.Restart;
        if (Cancel().IsMatch(text)) return GlobalCommand.Cancel;
        if (Help().IsMatch(text)) return GlobalCommand.Help;
        return GlobalCommand.None;
    }

    [GeneratedRegex(@"\b(agent|human|person|representative|rep|operator|someone real|real person|live chat|talk to (someone|somebody|support)|speak to (someone|somebody|support))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Agent();

    [GeneratedRegex(@"\b(talk|speak|chat)\s+(to|with)\s+(a\s+|an\s+|some\s+|a\s+real\s+|a\s+live\s+)?(human|person|agent|representative|someone|somebody|operator)\b|\b(get|give|put|connect)\s+me\s+(to\s+|through\s+to\s+|with\s+)?(a|an)\s+(human|person|agent|representative)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AskedForAPerson();

    [GeneratedRegex(@"^\W*(restart|start over|start again|reset|begin again|new conversation)\W*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Restart();

    [GeneratedRegex(@"^\W*(cancel|stop|quit|exit|never ?mind|forget it)\W*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Cancel();

    [GeneratedRegex(@"^\W*(help|\?|menu|options|what can you do\??)\W*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Help();

    [GeneratedRegex(@"\b(status|update|progress|where is|what about|check|any news)\b|^\W*HD-\d+\W*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StatusWords();
}
