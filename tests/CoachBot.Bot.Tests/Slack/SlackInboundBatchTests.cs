using CoachBot.Bot.Slack;
using CoachBot.Testing;

namespace CoachBot.Bot.Tests.Slack;

/// <summary>
/// Requests acked at the same moment share one statement (<see cref="SlackInboundStore"/> coalesces them): each caller
/// still gets its own answer, a key seen twice (in one batch or across batches) is stored once, and nothing else is lost.
/// </summary>
public sealed class SlackInboundBatchTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task ConcurrentArrivalsAreEachRecordedOnceAndGetTheirOwnRow()
    {
        await using var store = new SlackInboundStore(database.DataSource);
        var prefix = Guid.NewGuid().ToString("N")[..8];

        // 200 events at once, each key sent twice (a Slack retry racing its original), plus 20 keyless actions.
        var keyed = Enumerable.Range(0, 200).SelectMany(i => new[] { i, i })
            .Select(i => (Key: $"{prefix}-{i}", Payload: $$"""{"n":{{i}}}""")).ToList();
        var tasks = keyed.Select(e => store.RecordAsync(e.Key, "T0BATCH", SlackInboundJob.Event, e.Payload, CancellationToken.None))
            .Concat(Enumerable.Range(0, 20).Select(i => store.RecordAsync(null, "T0BATCH", SlackInboundJob.Action, $$"""{"a":{{i}}}""", CancellationToken.None)))
            .ToList();
        var ids = await Task.WhenAll(tasks);

        var keyedIds = ids.Take(keyed.Count).ToList();
        for (var i = 0; i < 200; i++)
        {
            var pair = new[] { keyedIds[2 * i], keyedIds[2 * i + 1] };
            Assert.Single(pair, id => id is not null);
        }

        Assert.All(ids.Skip(keyed.Count), id => Assert.NotNull(id));
        Assert.Equal(220, ids.Where(id => id is not null).Distinct().Count());

        // Every id points at the row with its own request's payload.
        var rows = new Dictionary<long, string>();
        await using (var command = database.DataSource.CreateCommand("select id, payload::text from slack_inbound where id = any($1)"))
        {
            command.Parameters.Add(new Npgsql.NpgsqlParameter<long[]> { TypedValue = ids.OfType<long>().ToArray() });
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows[reader.GetInt64(0)] = reader.GetString(1);
            }
        }

        Assert.Equal(220, rows.Count);
        for (var i = 0; i < keyed.Count; i++)
        {
            if (keyedIds[i] is { } id)
            {
                Assert.Equal(keyed[i].Payload.Replace(":", ": "), rows[id]);
            }
        }

        // A retry after the batch is over is still a duplicate.
        Assert.Null(await store.RecordAsync($"{prefix}-7", "T0BATCH", SlackInboundJob.Event, """{"n":7}""", CancellationToken.None));
    }

    [Fact]
    public async Task ReplayMarkersAnswerTrueOnlyForTheFirstOfEachKey()
    {
        await using var store = new SlackInboundStore(database.DataSource);
        var prefix = Guid.NewGuid().ToString("N")[..8];
        var keys = Enumerable.Range(0, 150).SelectMany(i => new[] { $"cmd:{prefix}-{i}", $"cmd:{prefix}-{i}" }).ToList();

        var first = await Task.WhenAll(keys.Select(k => store.FirstSeenAsync(k, CancellationToken.None)));

        for (var i = 0; i < 150; i++)
        {
            Assert.True(first[2 * i] ^ first[2 * i + 1], $"key {i}: exactly one of the two requests is the first");
        }

        Assert.False(await store.FirstSeenAsync($"cmd:{prefix}-3", CancellationToken.None));
        Assert.True(await store.FirstSeenAsync($"cmd:{prefix}-new", CancellationToken.None));
    }

    [Fact]
    public async Task APayloadPostgresRefusesFailsOnlyItsOwnRequest()
    {
        await using var store = new SlackInboundStore(database.DataSource);
        var prefix = Guid.NewGuid().ToString("N")[..8];

        var good = Enumerable.Range(0, 30).Select(i => store.RecordAsync($"{prefix}-{i}", "T0BATCH", SlackInboundJob.Event, "{}", CancellationToken.None)).ToList();
        var bad = store.RecordAsync($"{prefix}-bad", "T0BATCH", SlackInboundJob.Event, "{not json", CancellationToken.None);

        await Assert.ThrowsAnyAsync<Npgsql.PostgresException>(() => bad);
        Assert.All(await Task.WhenAll(good), id => Assert.NotNull(id));
    }

    [Fact]
    public async Task CompletionsTogetherEachLandOnceAndDropThePayload()
    {
        await using var store = new SlackInboundStore(database.DataSource);
        var prefix = Guid.NewGuid().ToString("N")[..8];
        var ids = (await Task.WhenAll(Enumerable.Range(0, 40)
            .Select(i => store.RecordAsync($"{prefix}-{i}", "T0BATCH", SlackInboundJob.Event, """{"text":"private words"}""", CancellationToken.None))))
            .Select(id => id!.Value).ToList();

        // Each row claimed by two runs at once: exactly one gets it, with its own payload.
        var claimed = await Task.WhenAll(ids.SelectMany(id => new[] { id, id }).Select(id => store.ClaimAsync(id, CancellationToken.None)));
        for (var i = 0; i < ids.Count; i++)
        {
            Assert.True(claimed[2 * i] is null ^ claimed[2 * i + 1] is null);
            var pending = claimed[2 * i] ?? claimed[2 * i + 1]!;
            Assert.Equal((ids[i], "T0BATCH", SlackInboundJob.Event), (pending.Id, pending.TeamId, pending.Kind));
            Assert.Contains("private words", pending.Payload);
        }

        // Each row completed by two runs at once: exactly one of them is told it did.
        var told = await Task.WhenAll(ids.SelectMany(id => new[] { id, id }).Select(id => store.CompleteAsync(id, "message", CancellationToken.None)));
        for (var i = 0; i < ids.Count; i++)
        {
            Assert.True(told[2 * i] ^ told[2 * i + 1]);
        }

        await using var command = database.DataSource.CreateCommand(
            "select count(*) from slack_inbound where id = any($1) and processed_at is not null and outcome = 'message' and payload is null");
        command.Parameters.Add(new Npgsql.NpgsqlParameter<long[]> { TypedValue = ids.ToArray() });
        Assert.Equal(40L, (long)(await command.ExecuteScalarAsync())!);
        Assert.False(await store.CompleteAsync(ids[0], "message", CancellationToken.None));
    }
}
