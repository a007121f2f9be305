using System.Text;
using Helpdesk.Channels.DirectLine;
using Microsoft.Extensions.Time.Testing;

namespace Helpdesk.Channels.Tests.DirectLine;

public sealed class DirectLineTokensTests
{
    private static readonly DirectLineOptions Options = new() { Secret = "a-development-secret-of-at-least-32-characters" };

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Issued_IsValidForItsConversationOnly()
    {
        var tokens = new DirectLineTokens(Options, _clock);

        var issued = tokens.Issue("conv-A", "dl_user1");
        var check = await tokens.CheckAsync(issued.Token);

        Assert.True(check.Grants("conv-A"));
        Assert.False(check.Grants("conv-B"));
        Assert.Equal("dl_user1", check.UserId);
        Assert.Equal(1800, issued.ExpiresIn);
    }

    [Fact]
    public async Task AfterItsLifetime_IsExpired()
    {
        var tokens = new DirectLineTokens(Options, _clock);
        var issued = tokens.Issue("conv-A", "dl_user1");

        _clock.Advance(TimeSpan.FromMinutes(30));
        var check = await tokens.CheckAsync(issued.Token);

        Assert.Equal(TokenProblem.Expired, check.Problem);
        Assert.False(check.Grants("conv-A"));
    }

    [Fact]
    public async Task Refresh_BeforeExpiry_ExtendsTheSameConversation()
    {
        var tokens = new DirectLineTokens(Options, _clock);
        var issued = tokens.Issue("conv-A", "dl_user1");
        _clock.Advance(TimeSpan.FromMinutes(20));

        var refreshed = await tokens.RefreshAsync(issued.Token);
        _clock.Advance(TimeSpan.FromMinutes(20));

        Assert.NotNull(refreshed);
        Assert.Equal(TokenProblem.Expired, (await tokens.CheckAsync(issued.Token)).Problem);
        Assert.True((await tokens.CheckAsync(refreshed.Token)).Grants("conv-A"));
    }

    [Fact]
    public async Task Refresh_AfterExpiry_IsRefused()
    {
        var tokens = new DirectLineTokens(Options, _clock);
        var issued = tokens.Issue("conv-A", "dl_user1");
        _clock.Advance(TimeSpan.FromHours(1));

        Assert.Null(await tokens.RefreshAsync(issued.Token));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.e30.AAAA")]
    public async Task Garbage_IsInvalid(string? token)
    {
        var tokens = new DirectLineTokens(Options, _clock);

        Assert.Equal(TokenProblem.Invalid, (await tokens.CheckAsync(token)).Problem);
    }

    [Fact]
    public async Task SignedWithAnotherSecret_IsInvalid()
    {
        var other = new DirectLineTokens(new DirectLineOptions { Secret = "another-secret-that-is-also-32-characters-long" }, _clock);
        var tokens = new DirectLineTokens(Options, _clock);

        var check = await tokens.CheckAsync(other.Issue("conv-A", "dl_user1").Token);

        Assert.Equal(TokenProblem.Invalid, check.Problem);
    }

    [Fact]
    public async Task UnsignedAlgNoneCopy_IsInvalid()
    {
        var tokens = new DirectLineTokens(Options, _clock);
        var payload = tokens.Issue("conv-A", "dl_user1").Token.Split('.')[1];
        var header = Base64Url("""{"alg":"none","typ":"JWT"}""");

        var check = await tokens.CheckAsync($"{header}.{payload}.");

        Assert.Equal(TokenProblem.Invalid, check.Problem);
    }

    [Fact]
    public async Task TamperedConversation_IsInvalid()
    {
        var tokens = new DirectLineTokens(Options, _clock);
        var parts = tokens.Issue("conv-A", "dl_user1").Token.Split('.');
        var payload = Encoding.UTF8.GetString(Convert.FromBase64String(Pad(parts[1].Replace('-', '+').Replace('_', '/')))).Replace("conv-A", "conv-B", StringComparison.Ordinal);

        var check = await tokens.CheckAsync($"{parts[0]}.{Base64Url(payload)}.{parts[2]}");

        Assert.Equal(TokenProblem.Invalid, check.Problem);
    }

    private static string Base64Url(string text) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Pad(string base64) => base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
}
