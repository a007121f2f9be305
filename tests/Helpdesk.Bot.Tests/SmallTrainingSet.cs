namespace Helpdesk.Bot.Tests;

/// <summary>A few labeled utterances: enough to train a model in well under a second.</summary>
internal static class SmallTrainingSet
{
    public const string Csv = """
        text,label
        I want my money back,refund
        please refund my order,refund
        refund the payment now,refund
        can I get a refund,refund
        where is my refund,refund
        refund me,refund
        I forgot my password,password
        reset my password please,password
        password reset link is not working,password
        how do I change my password,password
        cannot remember my password,password
        lost my password,password
        where is my order,order
        track my package,order
        when will my order ship,order
        order status please,order
        has my parcel shipped yet,order
        my order has not arrived yet,order
        """;
}
