namespace Helpdesk.Bot.Tests.DirectLine;

/// <summary>The host stops mid-conversation and starts again on the same data: the conversation,
/// its token and the dialog's place in it all carry on.</summary>
public sealed class RestartTests
{
    [Fact]
    public async Task AfterARestart_TheConversationContinuesWhereItWas()
    {
        string dataDirectory, conversationId, token;
        int before;
        using (var first = new KestrelBot())
        {
            (conversationId, token) = await first.Client.SessionAsync();
            await first.Client.StartAsync(token);
            (await first.Client.PostMessageAsync(conversationId, token, "I want to talk to a person")).Dispose();
            before = (await first.Client.ActivitiesAsync(conversationId, token)).GetProperty("activities").GetArrayLength();
            dataDirectory = first.Factory.DataDirectory;
        }

        using var second = new KestrelBot(dataDirectory);
        (await second.Client.PostMessageAsync(conversationId, token, "ACC-20931")).Dispose();
        var activities = (await second.Client.ActivitiesAsync(conversationId, token)).GetProperty("activities").EnumerateArray().ToList();

        Assert.True(activities.Count > before + 1);
        Assert.Contains(activities.Skip(before), a => a.GetProperty("text").GetString()!.Contains("how should they get back to you", StringComparison.OrdinalIgnoreCase));
        Directory.Delete(dataDirectory, recursive: true);
    }
}
