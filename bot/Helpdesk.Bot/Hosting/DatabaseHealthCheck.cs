using System.Data.Common;
using Helpdesk.Channels.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Helpdesk.Bot.Hosting;

/// <summary>Ready only while the database answers: without it no turn can be saved, so a load
/// balancer should send customers to an instance that has one.</summary>
internal sealed class DatabaseHealthCheck(SqlDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["provider"] = database.Kind.ToString() };
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var command = connection.Sql("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy("the database answers", data);
        }
        catch (DbException e)
        {
            return HealthCheckResult.Unhealthy("the database does not answer: " + e.Message, data: data);
        }
    }
}
