using CoachBot.Coaching.Profiles;

namespace CoachBot.Coaching.Crm.Coaching;

/// <summary>
/// The race a rep's sales cycle suggests, from the median days of their won deals (created → closed in the CRM):
/// at most <see cref="SprintMaxDays"/> a sprint, up to <see cref="MiddleMaxDays"/> middle distance, longer a distance
/// race. Fewer than <see cref="MinimumWonDeals"/> wins say too little, and nothing is suggested.
/// </summary>
public static class RaceFromCycle
{
    public const int SprintMaxDays = 30;
    public const int MiddleMaxDays = 90;
    public const int MinimumWonDeals = 5;

    public static (Race Race, int MedianDays)? Suggest(IReadOnlyList<int> wonCycleDays)
    {
        if (wonCycleDays.Count < MinimumWonDeals)
        {
            return null;
        }

        var sorted = wonCycleDays.Order().ToList();
        var middle = sorted.Count / 2;
        var median = sorted.Count % 2 == 1 ? sorted[middle] : (int)Math.Round((sorted[middle - 1] + sorted[middle]) / 2.0, MidpointRounding.AwayFromZero);
        var race = median <= SprintMaxDays ? Race.Sprint : median <= MiddleMaxDays ? Race.Middle : Race.Distance;
        return (race, median);
    }
}
