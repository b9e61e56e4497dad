namespace CoachBot.Testing.Teams;

/// <summary>What is wrong with a minted test token; each must be rejected by its own rule.</summary>
public enum BotTokenFlaw
{
    None,
    Expired,
    NotYetValid,
    WrongAudience,
    WrongIssuer,
    WrongServiceUrl,
    NoServiceUrl,
    NotEndorsedForTeams,
    Unsigned,
    AlgNone,
}
