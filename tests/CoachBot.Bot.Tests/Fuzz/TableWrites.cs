using Npgsql;

namespace CoachBot.Bot.Tests.Fuzz;

/// <summary>
/// Row triggers on every CoachBot and Hangfire table of the test's own database log each insert, update and delete, so a
/// request's writes are exactly the log entries added while it ran (requests are sent one at a time).
/// </summary>
public sealed class TableWrites(NpgsqlDataSource dataSource)
{
    private long _mark;

    public async Task InstallAsync()
    {
        await using var command = dataSource.CreateCommand("""
            create table if not exists public.fuzz_write (id bigint generated always as identity primary key, tbl text not null, op text not null);
            create or replace function public.fuzz_log_write() returns trigger language plpgsql as $$
            begin
                insert into public.fuzz_write (tbl, op) values (tg_table_schema || '.' || tg_table_name, tg_op);
                return null;
            end $$;
            do $$
            declare t record;
            begin
                for t in select schemaname, tablename from pg_tables
                         where schemaname in ('public', 'hangfire') and tablename not in ('fuzz_write', 'schemaversions')
                loop
                    execute format('drop trigger if exists fuzz_log on %I.%I', t.schemaname, t.tablename);
                    execute format('create trigger fuzz_log after insert or update or delete on %I.%I for each row execute function public.fuzz_log_write()', t.schemaname, t.tablename);
                end loop;
            end $$;
            """);
        await command.ExecuteNonQueryAsync();
        await TakeAsync();
    }

    /// <summary>The writes since the last call, as "schema.table op" entries.</summary>
    public async Task<IReadOnlyList<string>> TakeAsync()
    {
        await using var command = dataSource.CreateCommand("select id, tbl || ' ' || op from public.fuzz_write where id > $1 order by id");
        command.Parameters.AddWithValue(_mark);
        var writes = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            _mark = reader.GetInt64(0);
            writes.Add(reader.GetString(1));
        }

        return writes;
    }
}
