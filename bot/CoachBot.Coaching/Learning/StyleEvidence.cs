using CoachBot.Coaching.Nudges.History;
using CoachBot.Coaching.Profiles;

namespace CoachBot.Coaching.Learning;

/// <summary>A rep's record per style rendering, built from their nudge history (no extra query: the composer has it).</summary>
public sealed class StyleEvidence
{
    private readonly Dictionary<CommunicationStyle, StyleTally> tallies;

    private StyleEvidence(Dictionary<CommunicationStyle, StyleTally> tallies) => this.tallies = tallies;

    public static StyleEvidence Empty { get; } = new(CommunicationStyles.All.ToDictionary(s => s, s => new StyleTally(s, 0, 0)));

    public static StyleEvidence From(IEnumerable<NudgeRecord> history, DateTimeOffset now)
    {
        var counts = CommunicationStyles.All.ToDictionary(s => s, _ => (Decided: 0, Worked: 0));
        foreach (var record in history)
        {
            if (NudgeOutcome.Worked(record, now) is not { } worked)
            {
                continue;
            }

            var (decided, good) = counts[record.Style];
            counts[record.Style] = (decided + 1, good + (worked ? 1 : 0));
        }

        return new(counts.ToDictionary(c => c.Key, c => new StyleTally(c.Key, c.Value.Decided, c.Value.Worked)));
    }

    public StyleTally this[CommunicationStyle style] => tallies[style];

    public IEnumerable<StyleTally> Tallies => CommunicationStyles.All.Select(s => tallies[s]);

    public int Decided => tallies.Values.Sum(t => t.Decided);
}
