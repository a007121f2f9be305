using Helpdesk.Knowledge.Search;

namespace Helpdesk.Knowledge.Tests.Search;

public sealed class TypoCandidatesTests
{
    [Theory]
    [InlineData("pasword", "password", true)]
    [InlineData("passwrod", "password", true)]
    [InlineData("passwerd", "password", true)]
    [InlineData("passwords", "password", true)]
    [InlineData("pswrd", "password", false)]
    [InlineData("password", "password", false)]
    public void IsOneEditApart_ClassifiesEdits(string a, string b, bool expected)
    {
        Assert.Equal(expected, TypoCandidates.IsOneEditApart(a, b));
    }
}
