namespace CoachBot.Platforms.Teams.Graph;

/// <summary>A Graph call that failed for good, with Graph's error code (never the request or token).</summary>
public sealed class GraphException(GraphFailure failure, string code, string message) : Exception(message)
{
    public GraphFailure Failure { get; } = failure;

    public string Code { get; } = code;
}
