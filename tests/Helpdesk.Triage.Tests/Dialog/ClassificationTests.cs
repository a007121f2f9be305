using Helpdesk.Triage.Dialog;
using Helpdesk.Triage.Entities;

namespace Helpdesk.Triage.Tests.Dialog;

/// <summary>A step reports what the classifier made of the problem and which confidence band the dialog
/// acted on, for the confidence metric; a step that did not classify reports nothing.</summary>
public sealed class ClassificationTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static readonly ScriptedClassifier Classifier = new ScriptedClassifier()
        .Knows("I was charged twice", "billing_dispute", 0.93)
        .Unsure("money thing", ("refund_request", 0.41), ("billing_dispute", 0.33));

    public static TheoryData<string, string, double, ClassificationDecision> Bands => new()
    {
        { "I was charged twice", "billing_dispute", 0.93, ClassificationDecision.Acted },
        { "money thing", "refund_request", 0.41, ClassificationDecision.Asked },
        { "purple monkey dishwasher", "out_of_scope", 0.9, ClassificationDecision.NotUnderstood },
    };

    [Theory]
    [MemberData(nameof(Bands))]
    public void Step_OnAProblem_ReportsTheIntentConfidenceAndBand(string text, string intent, double confidence, ClassificationDecision decision)
    {
        var result = TriageDialog.Step(new TriageState(), TurnInput.Message(text, At, "directline"), Context());

        Assert.Equal(new Classification(intent, confidence, decision), result.Classified);
    }

    [Fact]
    public void Step_WithoutClassifying_ReportsNoClassification()
    {
        var result = TriageDialog.Step(new TriageState(), TurnInput.Message("agent", At, "directline"), Context());

        Assert.Null(result.Classified);
    }

    private static TriageContext Context() =>
        new(Classifier, new ScriptedArticles(), new EntityExtractor(new EntityOptions()), TriageTestClient.Prompts, new TriageOptions());
}
