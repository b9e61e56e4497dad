using CoachBot.Coaching.Nudges.History;

namespace CoachBot.Coaching.Learning;

/// <summary>
/// What the learner counts as a nudge that worked: the rep marked it done, rated their confidence 4 or 5, or answered it
/// within the working day. A snooze alone is an answer but not a success: the rep put the nudge off.
/// </summary>
public static class NudgeOutcome
{
    /// <summary>An answer later than this is "not answered within the working day".</summary>
    public static readonly TimeSpan WorkingDay = TimeSpan.FromHours(8);

    /// <summary>True or false once the outcome is known; null while an unanswered nudge is still inside its working day.</summary>
    public static bool? Worked(NudgeRecord record, DateTimeOffset now)
    {
        if (record.Response == NudgeResponse.Done || record.Confidence >= 4)
        {
            return true;
        }

        if (record.AnsweredAt is { } answered && record.Response != NudgeResponse.Snoozed && answered - record.SentAt <= WorkingDay)
        {
            return true;
        }

        // Unanswered and still young: counting it as a failure would punish whichever style was sent last.
        return record.AnsweredAt is null && now - record.SentAt < WorkingDay ? null : false;
    }
}
