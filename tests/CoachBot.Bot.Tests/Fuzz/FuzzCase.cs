namespace CoachBot.Bot.Tests.Fuzz;

/// <summary>One mutated request: where it goes, what was changed (for the report), and how it is framed and signed.</summary>
public sealed record FuzzCase(string Endpoint, string Mutation, HttpMethod Method, string Target, byte[]? Body = null, string? ContentType = null)
{
    /// <summary>Slack v0 signature over the final bytes, as Slack would send it.</summary>
    public bool SignForSlack { get; init; }

    public string? Authorization { get; init; }

    public string? Cookie { get; init; }

    /// <summary>Sent with Transfer-Encoding: chunked instead of a Content-Length.</summary>
    public bool Chunked { get; init; }

    /// <summary>Sent over a raw socket with chunk framing that is not valid HTTP.</summary>
    public bool BrokenChunks { get; init; }

    public FuzzCase With(string mutation) => this with { Mutation = $"{Mutation}; {mutation}" };
}
