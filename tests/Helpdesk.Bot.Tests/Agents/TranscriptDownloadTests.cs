using System.Net;
using System.Text;
using System.Text.Json;
using Helpdesk.Bot.Tests.DirectLine;
using Helpdesk.Channels.Schema;
using Helpdesk.Triage.Cases;

namespace Helpdesk.Bot.Tests.Agents;

/// <summary>Checklist 43: the case's conversation downloads as a <c>.transcript</c> file — UTF-8 without a
/// byte-order mark, a JSON array that reads back into the same activities, in either form a reader meets.</summary>
public sealed class TranscriptDownloadTests(KestrelBot bot) : IClassFixture<KestrelBot>
{
    [Fact]
    public async Task A_cases_transcript_is_a_bom_less_json_array_that_reads_back_into_the_same_activities()
    {
        var (conversationId, token) = await bot.Client.SessionAsync();
        await bot.Client.StartAsync(token);
        foreach (var text in new[] { "I want to talk to a person", "ACC-30021", "Chat now" }) (await bot.Client.PostMessageAsync(conversationId, token, text)).Dispose();
        var texts = (await bot.Client.ActivitiesAsync(conversationId, token)).GetProperty("activities").EnumerateArray()
            .Select(a => a.TryGetProperty("text", out var t) ? t.GetString() ?? "" : "");
        var reference = texts.Select(CaseReference.Find).Last(r => r is not null)!;
        using var agent = AgentClient.For(bot);
        (await agent.SignInAsync("admin", BotFactory.AdminPassword)).Dispose();

        using var response = await agent.Http.GetAsync(new Uri($"/api/cases/{reference}/transcript", UriKind.Relative), TestContext.Current.CancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(reference + ".transcript", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.NotEqual(0xEF, bytes[0]);
        var array = JsonDocument.Parse(bytes).RootElement;
        Assert.Equal(JsonValueKind.Array, array.ValueKind);
        Assert.All(array.EnumerateArray(), a => Assert.Contains(a.GetProperty("from").GetProperty("role").GetString(), new[] { "user", "bot" }));
        Assert.Equal(["I want to talk to a person", "ACC-30021", "Chat now"], array.EnumerateArray().Where(a => a.GetProperty("from").GetProperty("role").GetString() == "user").Select(a => a.GetProperty("text").GetString()));

        var read = TranscriptFile.Read(bytes);
        Assert.Equal(bytes, TranscriptFile.Write(read));
        var wrapped = Encoding.UTF8.GetBytes("\uFEFF{\"transcript\":" + Encoding.UTF8.GetString(bytes) + "}");
        Assert.Equal(bytes, TranscriptFile.Write(TranscriptFile.Read(wrapped)));
    }

    [Fact]
    public async Task An_unknown_case_has_no_transcript()
    {
        using var agent = AgentClient.For(bot);
        (await agent.SignInAsync("admin", BotFactory.AdminPassword)).Dispose();

        using var response = await agent.Http.GetAsync(new Uri("/api/cases/HD-999999/transcript", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
