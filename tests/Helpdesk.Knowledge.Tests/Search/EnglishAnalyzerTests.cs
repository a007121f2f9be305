using Helpdesk.Knowledge.Search;

namespace Helpdesk.Knowledge.Tests.Search;

public sealed class EnglishAnalyzerTests
{
    [Fact]
    public void Terms_DropStopWordsAndStem()
    {
        var terms = EnglishAnalyzer.Terms("I was charged twice for my subscriptions");

        Assert.Equal(["charg", "twice", "subscript"], terms);
    }

    [Fact]
    public void Terms_HandleApostrophesAndCase()
    {
        var terms = EnglishAnalyzer.Terms("CAN'T open the customer's Camera");

        Assert.Equal(["cant", "open", "custom", "camera"], terms);
    }

    [Fact]
    public void Terms_WithSynonyms_AddTheGroupToken()
    {
        var synonyms = SynonymSet.Parse("log in, sign in, login # ways to say it\n");

        var fromQuery = EnglishAnalyzer.Terms("I cannot sign in", synonyms);
        var fromArticle = EnglishAnalyzer.Terms("How to log in to the app", synonyms);

        Assert.Contains("~syn0", fromQuery);
        Assert.Contains("~syn0", fromArticle);
    }

    [FsCheck.Xunit.Property(MaxTest = 500)]
    public bool Terms_NeverThrow(FsCheck.NonNull<string> text) => EnglishAnalyzer.Terms(text.Get).All(t => t.Length > 0);
}
