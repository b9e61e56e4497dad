using CoachBot.Coaching.Conversation;

namespace CoachBot.Coaching.Tests.Conversation;

public sealed class RepQuestionsTests
{
    [Theory]
    [InlineData("how do I ask for budget?")]
    [InlineData("How do I ask for budget")]
    [InlineData("what should I say when they want a discount")]
    [InlineData("any tips for cold calls")]
    [InlineData("the buyer went quiet, now what?")]
    public void QuestionsAreRecognised(string text) => Assert.True(RepQuestions.IsQuestion(text));

    [Theory]
    [InlineData("done?")]
    [InlineData("ok")]
    [InlineData("Called Acme, they want a demo next week.")]
    [InlineData("booked 2 meetings")]
    [InlineData("stop by the Acme office on Friday")]
    public void RepliesAreNotQuestions(string text) => Assert.False(RepQuestions.IsQuestion(text));
}
