using System.Text;
using Helpdesk.Knowledge.Articles;

namespace Helpdesk.Benchmarks.Knowledge;

/// <summary>
/// Reproducible articles for scale measurements: titles, tags and sections built from a fixed
/// English support vocabulary plus per-article rare words, so postings have realistic lengths.
/// </summary>
internal static class GeneratedArticles
{
    private static readonly string[] Vocabulary =
    [
        "account", "password", "reset", "login", "charge", "refund", "invoice", "billing", "subscription", "plan", "upgrade",
        "cancel", "order", "delivery", "package", "tracking", "return", "warranty", "camera", "thermostat", "doorbell", "hub",
        "sensor", "offline", "wifi", "pairing", "firmware", "update", "error", "crash", "slow", "outage", "status", "api",
        "webhook", "integration", "token", "key", "limit", "privacy", "data", "export", "delete", "email", "address", "phone",
        "settings", "app", "device", "battery", "schedule", "automation", "share", "family", "access", "recording", "storage",
        "notification", "alert", "motion", "schedule", "payment", "card", "bank", "statement", "receipt", "tax", "company",
        "seat", "admin", "console", "security", "two", "factor", "code", "authenticator", "backup", "single", "sign", "saml",
        "okta", "azure", "directory", "courier", "damaged", "missing", "label", "exchange", "replacement", "repair", "light",
    ];

    private static readonly string[] Filler =
    [
        "the", "your", "to", "and", "you", "can", "in", "of", "for", "a", "is", "on", "with", "if", "when", "then", "after",
        "open", "choose", "select", "check", "make", "sure", "that", "it", "this", "we", "our", "within", "days", "minutes",
    ];

    public static IReadOnlyList<Article> Generate(int count, int seed = 11)
    {
        var random = new Random(seed);
        var articles = new Article[count];
        for (var i = 0; i < count; i++)
        {
            var topic = random.GetItems(Vocabulary, 3);
            var rare = $"model{i % 997}x{i / 997}";
            var body = new StringBuilder();
            body.AppendLine(Sentence(random, topic, rare)).AppendLine();
            foreach (var heading in new[] { "Before you start", "Steps", "If that didn't work" })
            {
                body.Append("## ").AppendLine(heading).AppendLine();
                for (var p = 0; p < 3; p++) body.AppendLine(Sentence(random, topic, rare));
                body.AppendLine();
            }

            var text = $"""
                ---
                id: article-{i:00000}
                title: {char.ToUpperInvariant(topic[0][0])}{topic[0][1..]} {topic[1]} {topic[2]} help
                intents: [how_to]
                tags: [{string.Join(", ", topic)}]
                owner: generated
                reviewed: 2026-10-01
                ---
                {body}
                """;
            articles[i] = ArticleParser.Parse($"generated/article-{i:00000}.md", "generated", text).Article!;
        }

        return articles;
    }

    private static string Sentence(Random random, string[] topic, string rare)
    {
        var words = Enumerable.Range(0, random.Next(12, 24)).Select(_ => random.NextDouble() switch
        {
            < 0.25 => random.GetItems(topic, 1)[0],
            < 0.45 => random.GetItems(Vocabulary, 1)[0],
            < 0.48 => rare,
            _ => random.GetItems(Filler, 1)[0],
        });
        return string.Join(' ', words) + ".";
    }
}
