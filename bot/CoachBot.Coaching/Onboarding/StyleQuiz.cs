using CoachBot.Coaching.Profiles;

namespace CoachBot.Coaching.Onboarding;

/// <summary>
/// Six forced-choice questions, three per axis, scored on assertiveness (ask ↔ tell) × responsiveness
/// (task ↔ people) into a Merrill–Reid style. Answers travel as a string of 'a'/'b', one per question, so
/// nothing is saved until the last answer.
/// </summary>
public static class StyleQuiz
{
    public enum Axis
    {
        Assertiveness,
        Responsiveness,
    }

    /// <summary>One question; <paramref name="HighOption"/> is the option ('a' or 'b') that scores high on <paramref name="Axis"/>.</summary>
    public sealed record Question(Axis Axis, string Prompt, string OptionA, string OptionB, char HighOption);

    public sealed record Result(int Assertiveness, int Responsiveness, CommunicationStyle Style);

    // Questions alternate axes and the "high" option alternates sides, so always pressing the same button is not a style.
    public static readonly IReadOnlyList<Question> Questions =
    [
        new(Axis.Assertiveness, "In a first call with a prospect, you usually…", "Steer toward a decision", "Listen and ask questions first", 'a'),
        new(Axis.Responsiveness, "When you share a win, you'd rather…", "Give the numbers", "Tell the story and who helped", 'b'),
        new(Axis.Assertiveness, "A deal stalls. Your first move?", "Think it through before acting", "Call the buyer today and push for a next step", 'b'),
        new(Axis.Responsiveness, "The feedback you find most useful is…", "A conversation about how it felt", "Facts and specifics", 'a'),
        new(Axis.Assertiveness, "In a team discussion you tend to…", "Say what you think early", "Hear the others out first", 'a'),
        new(Axis.Responsiveness, "Planning your week, you start from…", "Your task list and targets", "The people you want to talk to", 'b'),
    ];

    public static int Count => Questions.Count;

    /// <summary>True for a well-formed answer prefix: 1–6 characters, each 'a' or 'b'.</summary>
    public static bool IsValidAnswers(string? answers) =>
        answers is { Length: > 0 } && answers.Length <= Count && answers.All(c => c is 'a' or 'b');

    public static Result Score(string answers)
    {
        if (!IsValidAnswers(answers) || answers.Length != Count)
        {
            throw new ArgumentException($"Expected {Count} answers of 'a' or 'b'.", nameof(answers));
        }

        var assertiveness = Points(answers, Axis.Assertiveness);
        var responsiveness = Points(answers, Axis.Responsiveness);
        // Three questions per axis: two or more "high" answers put the rep on the high side; no ties possible.
        var style = (assertiveness >= 2, responsiveness >= 2) switch
        {
            (true, false) => CommunicationStyle.Driver,
            (true, true) => CommunicationStyle.Expressive,
            (false, true) => CommunicationStyle.Amiable,
            (false, false) => CommunicationStyle.Analytical,
        };
        return new Result(assertiveness, responsiveness, style);
    }

    private static int Points(string answers, Axis axis) =>
        answers.Where((answer, i) => Questions[i].Axis == axis && Questions[i].HighOption == answer).Count();
}
