// One throwaway PostgreSQL cluster for the whole test run of this assembly (skipped tests say what to install when absent).
[assembly: AssemblyFixture(typeof(Helpdesk.Tests.Databases.PostgresCluster))]
