using Helpdesk.Classifier.Data;
using Helpdesk.Classifier.Training;
using Microsoft.Extensions.Time.Testing;

namespace Helpdesk.Classifier.Tests;

/// <summary>Small, readable data sets and a trainer with a frozen clock, so runs are reproducible.</summary>
internal static class Examples
{
    public static readonly IReadOnlyList<LabeledUtterance> Support =
    [
        .. Label("refund", "I want my money back", "please refund my order", "refund the payment now",
            "can I get a refund", "give me my money back please", "where is my refund", "refund me",
            "I would like a refund for the camera"),
        .. Label("password", "I forgot my password", "reset my password please", "password reset link is not working",
            "how do I change my password", "cannot remember my password", "new password please", "lost my password",
            "the password reset email never came"),
        .. Label("order", "where is my order", "track my package", "when will my order ship", "order status please",
            "has my parcel shipped yet", "tracking number for my order", "my order has not arrived yet", "where is the package"),
        .. Label("greeting", "hello", "hi there", "good morning", "hey", "hello, anyone there?", "hi!", "good evening", "hiya"),
    ];

    public static readonly IReadOnlyList<LabeledUtterance> SupportWithOutOfScope =
    [
        .. Support,
        .. Label("oos", "what is the weather in paris", "tell me a joke", "who won the football match", "recipe for pancakes",
            "what is the capital of peru", "play some jazz music", "how tall is mount everest", "translate cat into german",
            "what's 17 times 23", "recommend a good novel"),
    ];

    public static FakeTimeProvider FrozenClock() => new(new DateTimeOffset(2026, 11, 2, 9, 30, 0, TimeSpan.Zero));

    public static IntentTrainer Trainer(TrainerOptions? options = null) =>
        new(options ?? new TrainerOptions { ValidationFraction = 0.25 }, FrozenClock());

    private static IEnumerable<LabeledUtterance> Label(string label, params string[] texts) =>
        texts.Select((text, i) => new LabeledUtterance(text, label, $"examples:{label}:{i + 1}"));
}
