using CoachBot.Coaching.Profiles;

namespace CoachBot.Coaching.Learning;

/// <summary>For one style rendering: how many of a rep's decided nudges in it worked.</summary>
public readonly record struct StyleTally(CommunicationStyle Style, int Decided, int Worked)
{
    public int Failed => Decided - Worked;

    /// <summary>"4 of 5 Analytical nudges": the words `why` and the brief use.</summary>
    public string Describe() => $"{Worked} of {Decided} {Style} nudge{(Decided == 1 ? "" : "s")}";
}
