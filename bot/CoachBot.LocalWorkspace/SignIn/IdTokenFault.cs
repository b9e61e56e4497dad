namespace CoachBot.LocalWorkspace.SignIn;

/// <summary>What the issuer spoils in its next id_tokens, so tests can prove the console rejects them.</summary>
public enum IdTokenFault
{
    None,
    /// <summary>Expired ten minutes ago, beyond the validator's five-minute skew.</summary>
    Expired,
    /// <summary>The payload is changed after signing (another user id), so the signature no longer matches.</summary>
    Tampered,
}
