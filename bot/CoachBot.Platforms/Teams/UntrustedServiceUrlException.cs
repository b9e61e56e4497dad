namespace CoachBot.Platforms.Teams;

public sealed class UntrustedServiceUrlException(string host)
    : Exception($"Refusing to call {host}: not a service URL from a validated activity or Teams:AllowedServiceUrls.");
