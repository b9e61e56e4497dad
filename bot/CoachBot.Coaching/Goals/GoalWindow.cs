namespace CoachBot.Coaching.Goals;

/// <summary>One period of a goal in the rep's local dates: <see cref="Start"/> inclusive, <see cref="End"/> exclusive.</summary>
public readonly record struct GoalWindow(DateOnly Start, DateOnly End)
{
    public bool Contains(DateOnly day) => day >= Start && day < End;

    public IEnumerable<DateOnly> Days()
    {
        for (var day = Start; day < End; day = day.AddDays(1))
        {
            yield return day;
        }
    }
}
