// Helpdesk.Bot on Azure: one App Service (Linux, container) running the bot's image, an Azure Bot
// (single-tenant) with the Teams and Direct Line channels pointing at its /api/messages, a PostgreSQL
// flexible server, and a Key Vault holding every secret, read by the app through Key Vault
// references with a user-assigned managed identity.
//
//   az deployment group create -g <resource group> -f deployment/azure/main.bicep \
//     -p deployment/azure/main.parameters.json \
//     -p botClientSecret=... directLineSecret=... postgresAdminPassword=... agentsAdminPassword=...
//
// main.parameters.json is your copy of main.parameters.example.json; secrets are passed on the
// command line (deployment/README.md shows how), never written to a file.
//
// One instance on purpose: several instances on one database are not finished yet (see
// deployment/README.md, "Several instances"). Whoever deploys needs the right to create role
// assignments (Owner or User Access Administrator on the resource group).

targetScope = 'resourceGroup'

@description('Region for everything but the Azure Bot, which is global.')
param location string = resourceGroup().location

@description('Lowercase prefix for resource names; a hash of the resource group is appended where names must be globally unique.')
@minLength(3)
@maxLength(12)
param namePrefix string = 'helpdesk'

@description('The bot image, e.g. myregistry.azurecr.io/helpdesk-bot:1.0.0 (built from deployment/Dockerfile).')
param containerImage string

@description('Name of an Azure Container Registry in this resource group to pull the image from with the managed identity; empty for a public image.')
param containerRegistryName string = ''

@description('The Microsoft App ID (client id) of the bot\'s single-tenant Entra app registration.')
param botAppId string

@description('The Entra tenant of that app registration.')
param botTenantId string = tenant().tenantId

@description('A client secret of that app registration.')
@secure()
param botClientSecret string

@description('The Direct Line secret of the bot\'s own Direct Line (the chat page); at least 32 characters.')
@secure()
@minLength(32)
param directLineSecret string

@description('Password of the PostgreSQL administrator the bot connects as. Letters, digits, "-" and "_" only: it goes into an Npgsql connection string as it is.')
@secure()
@minLength(12)
param postgresAdminPassword string

@description('Password of the agent console\'s first "admin" account.')
@secure()
@minLength(12)
param agentsAdminPassword string

param postgresAdminLogin string = 'helpdeskadmin'

@description('App Service plan size; B1 is the smallest with Always On.')
param appServiceSku string = 'B1'

@allowed(['F0', 'S1'])
param botSku string = 'F0'

param postgresSku string = 'Standard_B1ms'

@allowed(['Burstable', 'GeneralPurpose', 'MemoryOptimized'])
param postgresTier string = 'Burstable'

param postgresVersion string = '16'

@description('Days of automatic PostgreSQL backups (point-in-time restore window), 7 to 35.')
@minValue(7)
@maxValue(35)
param postgresBackupRetentionDays int = 7

var suffix = uniqueString(resourceGroup().id)
var appName = '${namePrefix}-${suffix}'
var vaultName = take('${namePrefix}kv${suffix}', 24)
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'
var acrPull = '7f951dda-4ed3-4680-a7ca-43fe172d538d'

// ---- identity the app reads its secrets (and pulls its image) with ----

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${namePrefix}-app-identity'
  location: location
}

// ---- Key Vault and the secrets ----

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: vaultName
  location: location
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 30
  }
}

resource appReadsSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identity.id, keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource directLineSecretValue 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'directline-secret'
  properties: { value: directLineSecret }
}

resource botClientSecretValue 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'bot-client-secret'
  properties: { value: botClientSecret }
}

resource postgresPasswordValue 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'postgres-admin-password'
  properties: { value: postgresAdminPassword }
}

resource agentsAdminPasswordValue 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'agents-admin-password'
  properties: { value: agentsAdminPassword }
}

// The app reads the whole connection string: a Key Vault reference stands for a whole setting, so
// the password cannot be referenced inside a longer value.
resource connectionStringValue 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'postgres-connection-string'
  properties: {
    value: 'Host=${postgres.properties.fullyQualifiedDomainName};Database=${database.name};Username=${postgresAdminLogin};Password=${postgresAdminPassword};SSL Mode=VerifyFull'
  }
}

// ---- PostgreSQL ----

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: '${namePrefix}-pg-${suffix}'
  location: location
  sku: {
    name: postgresSku
    tier: postgresTier
  }
  properties: {
    version: postgresVersion
    administratorLogin: postgresAdminLogin
    administratorLoginPassword: postgresAdminPassword
    authConfig: {
      passwordAuth: 'Enabled'
      activeDirectoryAuth: 'Disabled'
    }
    storage: {
      storageSizeGB: 32
    }
    backup: {
      backupRetentionDays: postgresBackupRetentionDays
      geoRedundantBackup: 'Disabled'
    }
    highAvailability: {
      mode: 'Disabled'
    }
    network: {
      publicNetworkAccess: 'Enabled'
    }
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: postgres
  name: 'helpdesk'
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
}

// 0.0.0.0 to 0.0.0.0 is Azure's rule for "services inside Azure": the App Service's outbound
// addresses are not fixed. Private networking (VNet integration) is the stricter alternative; it is
// not part of this template.
resource allowAzure 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = {
  parent: postgres
  name: 'AllowAzureServices'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

// ---- the app ----

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' existing = if (!empty(containerRegistryName)) {
  name: empty(containerRegistryName) ? 'unused' : containerRegistryName
}

resource appPullsImage 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(containerRegistryName)) {
  name: guid(resourceGroup().id, containerRegistryName, identity.id, acrPull)
  scope: registry
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', acrPull)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${namePrefix}-plan'
  location: location
  kind: 'linux'
  sku: {
    name: appServiceSku
    capacity: 1
  }
  properties: {
    reserved: true
  }
}

var vaultReference = 'VaultName=${vault.name}'

resource app 'Microsoft.Web/sites@2023-12-01' = {
  name: appName
  location: location
  kind: 'app,linux,container'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'DOCKER|${containerImage}'
      acrUseManagedIdentityCreds: !empty(containerRegistryName)
      acrUserManagedIdentityID: empty(containerRegistryName) ? null : identity.properties.clientId
      alwaysOn: true
      // Direct Line's stream (Web Chat) is a WebSocket.
      webSocketsEnabled: true
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      // Liveness. /readyz (model loaded, articles served) is the stricter check once a plan has
      // more than one instance to route around.
      healthCheckPath: '/healthz'
      appSettings: [
        { name: 'WEBSITES_PORT', value: '8080' }
        // Nothing the bot keeps needs /home: the model is retrained from the image's data at start.
        { name: 'WEBSITES_ENABLE_APP_SERVICE_STORAGE', value: 'false' }
        // App Service terminates TLS: take the scheme it forwards (wss:// stream URLs, Secure cookies).
        { name: 'ASPNETCORE_FORWARDEDHEADERS_ENABLED', value: 'true' }
        { name: 'Storage__Provider', value: 'PostgreSql' }
        { name: 'ConnectionStrings__Helpdesk', value: '@Microsoft.KeyVault(${vaultReference};SecretName=postgres-connection-string)' }
        { name: 'DirectLine__Secret', value: '@Microsoft.KeyVault(${vaultReference};SecretName=directline-secret)' }
        { name: 'Agents__AdminPassword', value: '@Microsoft.KeyVault(${vaultReference};SecretName=agents-admin-password)' }
        { name: 'BotConnector__AppId', value: botAppId }
        { name: 'BotConnector__TenantId', value: botTenantId }
        { name: 'BotConnector__Credentials__ClientSecret', value: '@Microsoft.KeyVault(${vaultReference};SecretName=bot-client-secret)' }
        // Teams opens article links only as absolute https addresses.
        { name: 'Triage__ArticleBaseUrl', value: 'https://${appName}.azurewebsites.net/kb/' }
      ]
    }
  }
  // The references resolve when the app starts: the secrets and the right to read them come first.
  dependsOn: [
    directLineSecretValue
    botClientSecretValue
    agentsAdminPasswordValue
    connectionStringValue
    appReadsSecrets
    appPullsImage
    database
    allowAzure
  ]
}

// ---- the Azure Bot: Teams and Direct Line deliver to the app's /api/messages ----

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${namePrefix}-bot-${suffix}'
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: {
    displayName: 'Support assistant'
    endpoint: 'https://${app.properties.defaultHostName}/api/messages'
    msaAppId: botAppId
    msaAppType: 'SingleTenant'
    msaAppTenantId: botTenantId
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

// Azure's Direct Line, for clients that talk to the bot through Azure Bot Service. The chat page the
// host serves does not use it: it talks to the host's own Direct Line (DirectLine__Secret above).
resource directLine 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'DirectLineChannel'
  location: 'global'
  properties: {
    channelName: 'DirectLineChannel'
    properties: {
      sites: [
        {
          siteName: 'Default Site'
          isEnabled: true
          isV1Enabled: false
          isV3Enabled: true
          isSecureSiteEnabled: false
        }
      ]
    }
  }
}

output appUrl string = 'https://${app.properties.defaultHostName}'
output botEndpoint string = bot.properties.endpoint
output botDomain string = app.properties.defaultHostName
output keyVaultName string = vault.name
output postgresHost string = postgres.properties.fullyQualifiedDomainName
