using CoachBot.Coaching.Onboarding;
using CoachBot.Coaching.Profiles;

namespace CoachBot.Coaching.Tests.Onboarding;

public sealed class StyleQuizTests
{
    // Builds answers from the intended level per axis, so the tests don't depend on which side each option sits.
    private static string Answers(bool assertive, bool responsive) =>
        new(StyleQuiz.Questions.Select(q => (q.Axis == StyleQuiz.Axis.Assertiveness ? assertive : responsive)
            ? q.HighOption
            : Other(q.HighOption)).ToArray());

    private static char Other(char option) => option == 'a' ? 'b' : 'a';

    [Theory]
    [InlineData(true, false, CommunicationStyle.Driver)]
    [InlineData(true, true, CommunicationStyle.Expressive)]
    [InlineData(false, true, CommunicationStyle.Amiable)]
    [InlineData(false, false, CommunicationStyle.Analytical)]
    public void EachQuadrantMapsToItsStyle(bool assertive, bool responsive, CommunicationStyle expected)
    {
        var result = StyleQuiz.Score(Answers(assertive, responsive));

        Assert.Equal(expected, result.Style);
        Assert.Equal(assertive ? 3 : 0, result.Assertiveness);
        Assert.Equal(responsive ? 3 : 0, result.Responsiveness);
    }

    [Fact]
    public void TwoOfThreeHighAnswersOnAnAxisIsEnoughForTheHighSide()
    {
        var answers = Answers(assertive: true, responsive: false).ToCharArray();
        var firstAssertive = StyleQuiz.Questions.ToList().FindIndex(q => q.Axis == StyleQuiz.Axis.Assertiveness);
        answers[firstAssertive] = Other(answers[firstAssertive]);

        var result = StyleQuiz.Score(new string(answers));

        Assert.Equal(2, result.Assertiveness);
        Assert.Equal(CommunicationStyle.Driver, result.Style);
    }

    [Fact]
    public void PressingTheSameButtonEveryTimeDoesNotLandOnOneFixedExtreme()
    {
        var allA = StyleQuiz.Score("aaaaaa");
        var allB = StyleQuiz.Score("bbbbbb");

        Assert.NotEqual(allA.Style, allB.Style);
        Assert.InRange(allA.Assertiveness, 1, 2);
        Assert.InRange(allA.Responsiveness, 1, 2);
    }

    [Fact]
    public void QuizHasSixQuestionsThreePerAxis()
    {
        Assert.Equal(6, StyleQuiz.Count);
        Assert.Equal(3, StyleQuiz.Questions.Count(q => q.Axis == StyleQuiz.Axis.Assertiveness));
        Assert.All(StyleQuiz.Questions, q => Assert.Contains(q.HighOption, "ab"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("abcabc")]
    [InlineData("aaaaaaa")]
    public void IncompleteOrMalformedAnswersAreRefused(string answers)
    {
        Assert.Throws<ArgumentException>(() => StyleQuiz.Score(answers));
    }

    [Theory]
    [InlineData("a", true)]
    [InlineData("abbab", true)]
    [InlineData("ab1", false)]
    [InlineData("", false)]
    [InlineData("ababab", true)]
    [InlineData("abababa", false)]
    public void AnswerPrefixesAreValidatedBeforeUse(string answers, bool valid)
    {
        Assert.Equal(valid, StyleQuiz.IsValidAnswers(answers));
    }
}
