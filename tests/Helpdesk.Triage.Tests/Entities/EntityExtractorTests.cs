using FsCheck.Xunit;
using Helpdesk.Triage.Entities;

namespace Helpdesk.Triage.Tests.Entities;

public sealed class EntityExtractorTests
{
    private static readonly EntityExtractor Extractor = new(new EntityOptions());

    [Fact]
    public void Extract_EverythingInOneMessage_FindsEveryFact()
    {
        var entities = Extractor.Extract("acc-20931 here, it's urgent — call me on +44 20 7946 0958 after 3pm, or mail jo@example.com");

        Assert.Equal(new ExtractedEntities("ACC-20931", "jo@example.com", "+44 20 7946 0958", Urgency.Critical, CallbackChannel.Phone, "after 3pm", false), entities);
    }

    [Theory]
    [InlineData("my account is ACC-20931", "ACC-20931")]
    [InlineData("ACC-2093 is what I think it is", null)]
    [InlineData("XACC-20931", null)]
    [InlineData("order NB-1048576 never came", null)]
    public void Extract_AccountIds_FollowThePattern(string text, string? expected)
    {
        Assert.Equal(expected, Extractor.Extract(text).AccountId);
    }

    [Fact]
    public void Extract_OperatorPattern_IsUsed()
    {
        var extractor = new EntityExtractor(new EntityOptions { AccountIdPattern = @"CUST\d{6}" });

        Assert.Equal("CUST123456", extractor.Extract("I'm cust123456").AccountId);
    }

    [Fact]
    public void Build_InvalidPattern_FailsNamingTheSetting()
    {
        var error = Assert.Throws<ArgumentException>(() => new EntityExtractor(new EntityOptions { AccountIdPattern = "ACC-(" }));

        Assert.Contains("Entities:AccountIdPattern", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("this is urgent, nothing works", Urgency.Critical)]
    [InlineData("not urgent, whenever you can", Urgency.Low)]
    [InlineData("no rush at all", Urgency.Low)]
    [InlineData("I need this fixed today, it's blocking my team", Urgency.High)]
    [InlineData("sometime this week is fine", Urgency.Medium)]
    [InlineData("my camera is offline", null)]
    public void Extract_UrgencyWords_MapToTheMatrix(string text, Urgency? expected)
    {
        Assert.Equal(expected, Extractor.Extract(text).Urgency);
    }

    [Theory]
    [InlineData("please call me tomorrow morning", CallbackChannel.Phone, "tomorrow morning")]
    [InlineData("just email me the details", CallbackChannel.Email, null)]
    [InlineData("I'd rather stay in the chat", CallbackChannel.Chat, null)]
    [InlineData("ring me between 9 and 11", CallbackChannel.Phone, "between 9 and 11")]
    [InlineData("any time on friday afternoon works", null, "on friday afternoon")]
    public void Extract_CallbackWishesAndTimes_AreRead(string text, CallbackChannel? channel, string? window)
    {
        var entities = Extractor.Extract(text);

        Assert.Equal(channel, entities.Callback);
        Assert.Equal(window, entities.TimeWindow);
    }

    [Theory]
    [InlineData("actually it's ACC-20932", true)]
    [InlineData("sorry, I meant ACC-20932", true)]
    [InlineData("it's ACC-20932", false)]
    public void Extract_Corrections_AreMarked(string text, bool isCorrection)
    {
        var entities = Extractor.Extract(text);

        Assert.Equal("ACC-20932", entities.AccountId);
        Assert.Equal(isCorrection, entities.IsCorrection);
    }

    [Fact]
    public void Extract_DatesAndAmounts_AreNotPhoneNumbers()
    {
        var entities = Extractor.Extract("I paid €49.99 on 12.03 for order 558213");

        Assert.Null(entities.Phone);
    }

    [Property(MaxTest = 300)]
    public bool Extract_AnyText_NeverThrows(FsCheck.NonNull<string> text) => Extractor.Extract(text.Get) is not null;
}
