namespace CoachBot.Jobs.Hosting;

/// <summary>
/// What to do with a delivery whose send may or may not have reached a platform that cannot be searched
/// (Teams): a crash between "platform accepted" and "ledger recorded sent".
/// </summary>
public enum UnknownOutcomePolicy
{
    /// <summary>Mark it <c>unknown</c> and never resend: no duplicates, a rare lost nudge shown in the report.</summary>
    AtMostOnce,

    /// <summary>Resend: no lost nudges, a rare duplicate.</summary>
    AtLeastOnce,
}
