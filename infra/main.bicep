targetScope = 'subscription'

metadata description = 'WhatsApp media deletion service: Flex Consumption function app, identity-only storage with its work queues, Key Vault tenant store, monitoring, and optional private networking.'

@minLength(1)
@maxLength(64)
@description('azd environment name. Seeds every resource name and the azd-env-name tag.')
param environmentName string

@minLength(1)
@description('Region of every resource. It must offer Flex Consumption: az functionapp list-flexconsumption-locations.')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Object id of the principal running the deployment (azd fills AZURE_PRINCIPAL_ID). It gets Key Vault Secrets Officer so it can add tenants. Empty skips the assignment.')
param principalId string = ''

@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
@description('Kind of principal principalId names: User for a person running azd, ServicePrincipal for a pipeline.')
param principalType string = 'User'

@description('true: VNet integration for the app, private endpoints (blob, queue, vault) with private DNS zones, and public network access disabled on storage and Key Vault.')
param vnetEnabled bool = false

@allowed([
  512
  2048
  4096
])
@description('Memory of each Flex Consumption instance in MB.')
param instanceMemoryMB int = 2048

@minValue(1)
@maxValue(1000)
@description('Upper bound of instances the app scales out to.')
param maximumInstanceCount int = 100

// 56 = 63 (Azure queue name limit) - 7 (length of "-poison" and of "-failed").
@minLength(3)
@maxLength(56)
@description('Work queue name (MediaDeletion__Queue): lowercase letters, digits and single hyphens. {name}-poison and {name}-failed are created beside it.')
param mediaDeletionQueueName string = 'media-deletions'

@minValue(7)
@maxValue(90)
@description('Days a deleted vault or tenant secret stays recoverable. Fixed once the vault exists.')
param keyVaultSoftDeleteRetentionInDays int = 90

@description('Resource group name; empty means rg-{environmentName}.')
param resourceGroupName string = ''

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}
var names = {
  resourceGroup: !empty(resourceGroupName) ? resourceGroupName : 'rg-${environmentName}'
  identity: 'id-api-${resourceToken}'
  logAnalytics: 'log-${resourceToken}'
  applicationInsights: 'appi-${resourceToken}'
  storage: 'st${resourceToken}'
  keyVault: 'kv-${resourceToken}'
  plan: 'plan-${resourceToken}'
  functionApp: 'func-api-${resourceToken}'
  virtualNetwork: 'vnet-${resourceToken}'
}
var deploymentContainerName = 'app-package-${take(names.functionApp, 32)}-${take(resourceToken, 7)}'
var queueNames = {
  work: mediaDeletionQueueName
  // The Functions queue trigger moves a message here after maxDequeueCount failed deliveries.
  poison: '${mediaDeletionQueueName}-poison'
  // The app writes deliberate permanent failures here (contract section 3).
  failed: '${mediaDeletionQueueName}-failed'
}
var publicNetworkAccess = vnetEnabled ? 'Disabled' : 'Enabled'

// Private DNS zone names from the Azure private endpoint DNS table, derived per cloud.
var privateEndpointTargets = [
  {
    service: 'storage'
    groupId: 'blob'
    privateDnsZoneName: 'privatelink.blob.${environment().suffixes.storage}'
  }
  {
    service: 'storage'
    groupId: 'queue'
    privateDnsZoneName: 'privatelink.queue.${environment().suffixes.storage}'
  }
  {
    service: 'keyVault'
    groupId: 'vault'
    // keyvaultDns is ".vault.azure.net" in the public cloud; its zone is privatelink.vaultcore.azure.net.
    privateDnsZoneName: 'privatelink${replace(environment().suffixes.keyvaultDns, '.vault.', '.vaultcore.')}'
  }
]

resource rg 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: names.resourceGroup
  location: location
  tags: tags
}

module identity 'core/identity/user-assigned-identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: names.identity
    location: location
    tags: tags
  }
}

module monitoring 'core/monitor/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: names.logAnalytics
    applicationInsightsName: names.applicationInsights
    location: location
    tags: tags
  }
}

module storage 'core/storage/storage-account.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: names.storage
    location: location
    tags: tags
    containerNames: [
      deploymentContainerName
    ]
    // Created up front: the app and the queue trigger never need rights to create queues.
    queueNames: [
      queueNames.work
      queueNames.poison
      queueNames.failed
    ]
    publicNetworkAccess: publicNetworkAccess
  }
}

module keyVault 'core/security/key-vault.bicep' = {
  name: 'keyVault'
  scope: rg
  params: {
    name: names.keyVault
    location: location
    tags: tags
    softDeleteRetentionInDays: keyVaultSoftDeleteRetentionInDays
    publicNetworkAccess: publicNetworkAccess
  }
}

module network 'core/networking/virtual-network.bicep' = if (vnetEnabled) {
  name: 'network'
  scope: rg
  params: {
    name: names.virtualNetwork
    location: location
    tags: tags
  }
}

module privateEndpoints 'core/networking/private-endpoint.bicep' = [
  for target in (vnetEnabled ? privateEndpointTargets : []): {
    name: 'privateEndpoint-${target.groupId}'
    scope: rg
    params: {
      name: 'pe-${target.groupId}-${resourceToken}'
      location: location
      tags: tags
      targetResourceId: target.service == 'keyVault' ? keyVault.outputs.id : storage.outputs.id
      groupId: target.groupId
      privateDnsZoneName: target.privateDnsZoneName
      subnetId: network!.outputs.privateEndpointSubnetId
      virtualNetworkId: network!.outputs.id
    }
  }
]

// Names (not module outputs) are passed so what-if can resolve the targets before deployment.
module access 'app/access.bicep' = {
  name: 'access'
  scope: rg
  params: {
    identityName: names.identity
    storageAccountName: names.storage
    keyVaultName: names.keyVault
    applicationInsightsName: names.applicationInsights
    principalId: principalId
    principalType: principalType
  }
  dependsOn: [
    identity
    storage
    keyVault
    monitoring
  ]
}

module api 'app/api.bicep' = {
  name: 'api'
  scope: rg
  params: {
    name: names.functionApp
    planName: names.plan
    location: location
    tags: tags
    identityName: names.identity
    storageAccountName: names.storage
    deploymentContainerName: deploymentContainerName
    applicationInsightsName: names.applicationInsights
    keyVaultUri: keyVault.outputs.uri
    mediaDeletionQueueName: queueNames.work
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    virtualNetworkSubnetId: vnetEnabled ? network!.outputs.appSubnetId : ''
  }
  // The host starts as soon as the app exists: its identity must already reach storage,
  // the vault and Application Insights, over the private endpoints when there are any.
  dependsOn: [
    identity
    storage
    monitoring
    access
    privateEndpoints
  ]
}

@description('Region of the deployment.')
output AZURE_LOCATION string = location

@description('Microsoft Entra tenant of the subscription.')
output AZURE_TENANT_ID string = tenant().tenantId

@description('Resource group holding everything.')
output AZURE_RESOURCE_GROUP string = rg.name

@description('Function app name.')
output AZURE_FUNCTION_APP_NAME string = api.outputs.name

@description('Function app name under azd\'s SERVICE_<NAME>_NAME convention.')
output SERVICE_API_NAME string = api.outputs.name

@description('Base URL of the API; routes are under /api.')
output SERVICE_API_URI string = api.outputs.uri

@description('Key Vault name.')
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name

@description('Key Vault URI: the app\'s KeyVault__VaultUri and the CLI\'s --vault.')
output AZURE_KEY_VAULT_URI string = keyVault.outputs.uri

@description('Storage account holding the queues.')
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name

@description('Work queue (MediaDeletion__Queue).')
output MEDIA_DELETION_QUEUE string = queueNames.work

@description('Queue of messages whose deliveries kept failing.')
output MEDIA_DELETION_POISON_QUEUE string = queueNames.poison

@description('Queue of messages that failed permanently.')
output MEDIA_DELETION_FAILED_QUEUE string = queueNames.failed

@description('Whether storage and Key Vault are reachable only through the virtual network.')
output VNET_ENABLED bool = vnetEnabled
