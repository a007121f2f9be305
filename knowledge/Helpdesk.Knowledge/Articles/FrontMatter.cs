using YamlDotNet.Serialization;

namespace Helpdesk.Knowledge.Articles;

/// <summary>The YAML front matter as written; <see cref="ArticleParser"/> validates it into an <see cref="Article"/>.</summary>
internal sealed class FrontMatter
{
    [YamlMember(Alias = "id")] public string? Id { get; set; }

    [YamlMember(Alias = "title")] public string? Title { get; set; }

    [YamlMember(Alias = "summary")] public string? Summary { get; set; }

    [YamlMember(Alias = "intents")] public List<string>? Intents { get; set; }

    [YamlMember(Alias = "tags")] public List<string>? Tags { get; set; }

    [YamlMember(Alias = "products")] public List<string>? Products { get; set; }

    [YamlMember(Alias = "audience")] public string? Audience { get; set; }

    [YamlMember(Alias = "owner")] public string? Owner { get; set; }

    [YamlMember(Alias = "reviewed")] public string? Reviewed { get; set; }

    [YamlMember(Alias = "review_interval_days")] public int? ReviewIntervalDays { get; set; }

    [YamlMember(Alias = "status")] public string? Status { get; set; }

    [YamlMember(Alias = "locale")] public string? Locale { get; set; }

    [YamlMember(Alias = "related")] public List<string>? Related { get; set; }
}
