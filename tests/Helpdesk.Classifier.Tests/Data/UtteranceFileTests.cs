using Helpdesk.Classifier.Data;

namespace Helpdesk.Classifier.Tests.Data;

public sealed class UtteranceFileTests
{
    [Fact]
    public void Load_CsvWithQuotedFields_ReadsCommasQuotesAndNewlines()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Write("data.csv",
            "id,text,label\n1,\"hi, there\",greeting\n2,\"he said \"\"refund\"\"\",refund\n3,\"two\nlines\",other\n");

        var examples = UtteranceFile.Load(path);

        Assert.Equal(["hi, there", "he said \"refund\"", "two\nlines"], examples.Select(e => e.Text));
        Assert.Equal(["greeting", "refund", "other"], examples.Select(e => e.Label));
        Assert.Equal($"{path}:2", examples[0].Source);
    }

    [Fact]
    public void Load_ColumnsByName_PicksTheNamedColumns()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Write("banking.csv", "category,text\ncard_arrival,where is my card\n");

        var examples = UtteranceFile.Load(path, textColumn: "text", labelColumn: "category");

        Assert.Equal(new LabeledUtterance("where is my card", "card_arrival", $"{path}:2"), examples.Single());
    }

    [Fact]
    public void Load_MissingColumn_NamesTheHeaderLineAndColumns()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Write("data.csv", "utterance,intent\nhello,greeting\n");

        var error = Assert.Throws<DataFileException>(() => UtteranceFile.Load(path));

        Assert.StartsWith($"{path}:1:", error.Message);
        Assert.Contains("'text'", error.Message);
        Assert.Contains("'utterance'", error.Message);
    }

    [Fact]
    public void Load_EmptyLabel_NamesTheLine()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Write("data.csv", "text,label\nhello,greeting\nrefund please,\n");

        var error = Assert.Throws<DataFileException>(() => UtteranceFile.Load(path));

        Assert.Equal(3, error.Line);
        Assert.Contains("label is empty", error.Message);
    }

    [Fact]
    public void Load_ShortRow_NamesTheLine()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Write("data.csv", "text,label\nhello,greeting\njust text\n");

        var error = Assert.Throws<DataFileException>(() => UtteranceFile.Load(path));

        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void Load_UnquotedComma_IsRejectedBeforeItShiftsTheLabel()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Write("data.csv", "text,label\nhello,greeting\nyes, it never changes,complaint\n");

        var error = Assert.Throws<DataFileException>(() => UtteranceFile.Load(path));

        Assert.Equal(3, error.Line);
        Assert.Contains("quote fields that contain commas", error.Message);
    }

    [Fact]
    public void Load_SkippingBadRows_ReportsEachAndKeepsTheRest()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Write("data.csv", "text,label\nhello,greeting\nrefund please,\njust text\nbye,goodbye\n");
        var skipped = new List<DataFileException>();

        var examples = UtteranceFile.Load(path, skipBadRow: skipped.Add);

        Assert.Equal(["hello", "bye"], examples.Select(e => e.Text));
        Assert.Equal([3, 4], skipped.Select(e => e.Line));
    }

    [Fact]
    public void Load_BrokenQuoting_NamesTheLine()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Write("data.csv", "text,label\nhello,greeting\nsay \"what,greeting\n");

        var error = Assert.Throws<DataFileException>(() => UtteranceFile.Load(path));

        Assert.Equal(3, error.Line);
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void Load_JsonLines_ReadsNamedPropertiesAndSkipsBlankLines()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Write("data.jsonl", "{\"text\":\"hello\",\"label\":\"greeting\"}\n\n{\"label\":\"refund\",\"text\":\"money back\"}\n");

        var examples = UtteranceFile.Load(path);

        Assert.Equal(["hello", "money back"], examples.Select(e => e.Text));
        Assert.Equal($"{path}:3", examples[1].Source);
    }

    [Fact]
    public void Load_JsonLinesWithBrokenLine_NamesTheLine()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Write("data.jsonl", "{\"text\":\"hello\",\"label\":\"greeting\"}\n{\"text\": \"oops\"\n");

        var error = Assert.Throws<DataFileException>(() => UtteranceFile.Load(path));

        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void Load_MissingFile_SaysSo()
    {
        var error = Assert.Throws<DataFileException>(() => UtteranceFile.Load("/nonexistent/data.csv"));

        Assert.Contains("does not exist", error.Message);
    }
}
