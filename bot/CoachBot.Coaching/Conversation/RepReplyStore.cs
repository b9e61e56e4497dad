using Dapper;
using Npgsql;

namespace CoachBot.Coaching.Conversation;

/// <summary>
/// A rep's free-text replies, private to them. Replies are stored whole up to <see cref="MaxStoredLength"/>
/// characters; anything longer is cut there and the rep is told (never silently dropped).
/// </summary>
public sealed class RepReplyStore(NpgsqlDataSource dataSource)
{
    public const int MaxStoredLength = 4000;

    public sealed record Saved(long Id, bool Truncated, int OriginalLength);

    public async Task<Saved> SaveAsync(long personId, string text, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        var body = Truncate(text);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            insert into rep_reply (person_id, body, original_length, truncated, received_at)
            values (@personId, @body, @length, @truncated, @receivedAt) returning id
            """, new { personId, body, length = text.Length, truncated = body.Length < text.Length, receivedAt }, cancellationToken: cancellationToken));
        return new Saved(id, body.Length < text.Length, text.Length);
    }

    public static string Truncate(string text)
    {
        if (text.Length <= MaxStoredLength)
        {
            return text;
        }

        // Don't split a surrogate pair (emoji) at the cut.
        var cut = char.IsHighSurrogate(text[MaxStoredLength - 1]) ? MaxStoredLength - 1 : MaxStoredLength;
        return text[..cut];
    }
}
