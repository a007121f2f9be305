using Helpdesk.Triage.Dialog;

namespace Helpdesk.Triage.Tests.Dialog;

/// <summary>The pure readers the dialog relies on: global commands, short answers, frustration.</summary>
public sealed class UtteranceTests
{
    [Theory]
    [InlineData("agent", GlobalCommand.Agent)]
    [InlineData("can I talk to a human please", GlobalCommand.Agent)]
    [InlineData("Representative!", GlobalCommand.Agent)]
    [InlineData("restart", GlobalCommand.Restart)]
    [InlineData("start over", GlobalCommand.Restart)]
    [InlineData("cancel", GlobalCommand.Cancel)]
    [InlineData("help", GlobalCommand.Help)]
    [InlineData("status of HD-000123?", GlobalCommand.Status)]
    [InlineData("HD-000123", GlobalCommand.Status)]
    [InlineData("I tried to cancel my order in the app and the agent page crashed on me twice today", GlobalCommand.None)]
    [InlineData("how do I cancel my subscription", GlobalCommand.None)]
    [InlineData("my thermostat is stuck at 30 degrees since this morning and I want to talk to a person now", GlobalCommand.Agent)]
    [InlineData("this has gone on for a week, please connect me to an agent", GlobalCommand.Agent)]
    public void GlobalCommands_AreRecognisedOnlyInShortMessages(string text, GlobalCommand expected)
    {
        Assert.Equal(expected, GlobalCommands.Recognise(text));
    }

    [Theory]
    [InlineData("yes", true, false)]
    [InlineData("Yep, that fixed it", true, false)]
    [InlineData("no", false, true)]
    [InlineData("nope still broken", false, true)]
    [InlineData("the second charge is still there", false, false)]
    public void ShortAnswers_AreRead(string text, bool yes, bool no)
    {
        Assert.Equal((yes, no), (Answers.IsYes(text), Answers.IsNo(text)));
    }

    [Fact]
    public void Pick_MatchesTitleValueOrNumber()
    {
        PendingChoice[] choices = [new("Chat now", "Chat"), new("Email", "Email")];

        Assert.Equal("Chat", Answers.Pick("chat now.", choices)?.Value);
        Assert.Equal("Email", Answers.Pick("2", choices)?.Value);
        Assert.Null(Answers.Pick("fax", choices));
    }

    [Theory]
    [InlineData("you stupid bot", FrustrationDetector.Insult, true)]
    [InlineData("WHY IS NOTHING WORKING TODAY", FrustrationDetector.Shouting, true)]
    [InlineData("this is useless", FrustrationDetector.BotIsUseless, true)]
    [InlineData("this is so annoying", FrustrationDetector.Negative, false)]
    public void Frustration_StrongSignalsHandOver_MildOnesAreOnlyRecorded(string text, string signal, bool frustrated)
    {
        var signals = FrustrationDetector.Signals(text);

        Assert.Contains(signal, signals);
        Assert.Equal(frustrated, FrustrationDetector.IsFrustrated(signals));
    }

    [Theory]
    [InlineData("my account is ACC-20931 and VAT ID GB123")]
    [InlineData("I was charged twice")]
    public void OrdinaryMessages_CarryNoSignal(string text)
    {
        Assert.Empty(FrustrationDetector.Signals(text));
    }
}
