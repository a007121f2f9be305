using Helpdesk.Triage.Outbox;

namespace Helpdesk.Triage.Tests.Outbox;

public sealed class OutboxRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 30)]
    [InlineData(3, 120)]
    [InlineData(5, 1800)]
    [InlineData(7, 3600)]
    public void Retries_GrowFromTheFirstDelay(int attempts, int seconds)
    {
        Assert.Equal(Now.AddSeconds(seconds), RetrySchedule.Next(attempts, 8, Now, jitter: 0, RetrySchedule.DefaultFirstDelay));
    }

    [Fact]
    public void Jitter_AddsAtMostAFifth_AndTheLastAttemptGivesUp()
    {
        Assert.Equal(Now.AddSeconds(6), RetrySchedule.Next(1, 8, Now, jitter: 1, RetrySchedule.DefaultFirstDelay));
        Assert.Null(RetrySchedule.Next(8, 8, Now, jitter: 0.5, RetrySchedule.DefaultFirstDelay));
    }

    [Fact]
    public void Signature_FollowsStandardWebhooks()
    {
        // The example of the Standard Webhooks specification.
        const string secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        const string body = """{"test": 2432232314}""";
        var timestamp = DateTimeOffset.FromUnixTimeSeconds(1614265330);

        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", WebhookSignature.Sign(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp, body));
    }

    [Fact]
    public void Verify_RefusesATamperedBody_AndAcceptsOneOfSeveralSignatures()
    {
        var timestamp = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
        var signature = WebhookSignature.Sign("a-shared-secret-value", "42", timestamp, "{}");

        Assert.True(WebhookSignature.Verify("a-shared-secret-value", "42", timestamp, "{}", "v1,old " + signature));
        Assert.False(WebhookSignature.Verify("a-shared-secret-value", "42", timestamp, "{ }", signature));
    }
}
