using CoachBot.Coaching.Profiles;

namespace CoachBot.LearningSim;

/// <summary>
/// A rep with hidden preferences: the chance they act on a nudge in each style. The quiz names their best style for most
/// reps, not all: <see cref="Declared"/> is what CoachBot is told, <see cref="Best"/> is the truth it has to find.
/// </summary>
internal sealed record SyntheticRep(int Id, CommunicationStyle Declared, CommunicationStyle Best, IReadOnlyDictionary<CommunicationStyle, double> Chance)
{
    public bool Mismatched => Declared != Best;

    public static SyntheticRep Draw(int id, Random random, double quizAccuracy)
    {
        var styles = CommunicationStyles.All;
        var best = styles[random.Next(styles.Count)];
        var engagement = 0.25 + random.NextDouble() * 0.35;
        var lift = 0.15 + random.NextDouble() * 0.25;
        var chance = styles.ToDictionary(s => s, s => s == best ? engagement + lift : engagement + (random.NextDouble() - 0.5) * 0.1);
        var declared = random.NextDouble() < quizAccuracy ? best : styles.Where(s => s != best).ElementAt(random.Next(styles.Count - 1));
        return new SyntheticRep(id, declared, best, chance);
    }
}
