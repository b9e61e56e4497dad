namespace CoachBot.Platforms.Slack;

/// <summary>Why a request's signature was accepted or refused; safe to log (no secret, no body).</summary>
public enum SignatureCheck
{
    Valid,
    MissingTimestamp,
    MalformedTimestamp,
    Stale,
    MissingSignature,
    UnknownVersion,
    MalformedSignature,
    Mismatch,
}
