# Terraform configuration exported by the PrivateLink Playground.
#
# S3 through a gateway endpoint
#
# A private subnet reaches S3 through a gateway endpoint; the bucket only
# accepts requests that come through that endpoint.
#
# Not expressed as resources (the playground simulates them, or AWS creates them
# elsewhere):
# - i-private acts as arn:aws:iam::111122223333:role/app: attach that role with
#   an aws_iam_instance_profile
# - i-public has the public IP 54.80.10.10 in the scenario: AWS assigns its own
# - i-public acts as arn:aws:iam::111122223333:role/app: attach that role with
#   an aws_iam_instance_profile
# - 3 saved trace requests are the playground's own

terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 6.0"
    }
  }
}

provider "aws" {
  region = "us-east-1"
}

variable "ami" {
  description = "AMI of the instances (the scenario does not model images)"
  type        = string
}

variable "instance_type" {
  description = "Instance type of the instances"
  type        = string
  default     = "t3.micro"
}

resource "aws_vpc" "vpc_0a1b2c3d" {
  cidr_block           = "10.0.0.0/16"
  enable_dns_support   = true
  enable_dns_hostnames = true
  tags = {
    Name = "vpc-0a1b2c3d"
  }
}

resource "aws_internet_gateway" "igw_01" {
  vpc_id = aws_vpc.vpc_0a1b2c3d.id
  tags = {
    Name = "igw-01"
  }
}

resource "aws_subnet" "subnet_public" {
  vpc_id            = aws_vpc.vpc_0a1b2c3d.id
  availability_zone = "us-east-1a"
  cidr_block        = "10.0.0.0/24"
  tags = {
    Name = "subnet-public"
  }
}

resource "aws_subnet" "subnet_private" {
  vpc_id            = aws_vpc.vpc_0a1b2c3d.id
  availability_zone = "us-east-1a"
  cidr_block        = "10.0.1.0/24"
  tags = {
    Name = "subnet-private"
  }
}

resource "aws_route_table" "rtb_public" {
  vpc_id = aws_vpc.vpc_0a1b2c3d.id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.igw_01.id
  }
  tags = {
    Name = "rtb-public"
  }
}

resource "aws_route_table" "rtb_private" {
  vpc_id = aws_vpc.vpc_0a1b2c3d.id
  tags = {
    Name = "rtb-private"
  }
}

resource "aws_main_route_table_association" "vpc_0a1b2c3d" {
  vpc_id         = aws_vpc.vpc_0a1b2c3d.id
  route_table_id = aws_route_table.rtb_private.id
}

resource "aws_route_table_association" "subnet_public" {
  subnet_id      = aws_subnet.subnet_public.id
  route_table_id = aws_route_table.rtb_public.id
}

resource "aws_route_table_association" "subnet_private" {
  subnet_id      = aws_subnet.subnet_private.id
  route_table_id = aws_route_table.rtb_private.id
}

resource "aws_security_group" "sg_app" {
  name        = "app"
  description = "Security group sg-app"
  vpc_id      = aws_vpc.vpc_0a1b2c3d.id
  egress {
    protocol         = "-1"
    from_port        = 0
    to_port          = 0
    cidr_blocks      = ["0.0.0.0/0"]
    ipv6_cidr_blocks = ["::/0"]
  }
  tags = {
    Name = "sg-app"
  }
}

resource "aws_instance" "i_private" {
  ami                    = var.ami
  instance_type          = var.instance_type
  subnet_id              = aws_subnet.subnet_private.id
  private_ip             = "10.0.1.10"
  vpc_security_group_ids = [aws_security_group.sg_app.id]
  tags = {
    Name = "i-private"
  }
}

resource "aws_instance" "i_public" {
  ami                         = var.ami
  instance_type               = var.instance_type
  subnet_id                   = aws_subnet.subnet_public.id
  private_ip                  = "10.0.0.10"
  associate_public_ip_address = true
  vpc_security_group_ids      = [aws_security_group.sg_app.id]
  tags = {
    Name = "i-public"
  }
}

resource "aws_vpc_endpoint" "vpce_1a2b3c4d" {
  vpc_id            = aws_vpc.vpc_0a1b2c3d.id
  service_name      = "com.amazonaws.us-east-1.s3"
  vpc_endpoint_type = "Gateway"
  route_table_ids   = [aws_route_table.rtb_private.id]
  tags = {
    Name = "vpce-1a2b3c4d"
  }
}

resource "aws_s3_bucket" "app_reports" {
  bucket = "app-reports"
}

resource "aws_s3_bucket_policy" "app_reports" {
  bucket = aws_s3_bucket.app_reports.id
  policy = <<EOT
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "Allow-access-to-specific-VPCE",
      "Effect": "Deny",
      "Principal": "*",
      "Action": [
        "s3:PutObject",
        "s3:GetObject",
        "s3:DeleteObject"
      ],
      "Resource": [
        "arn:aws:s3:::app-reports",
        "arn:aws:s3:::app-reports/*"
      ],
      "Condition": {
        "StringNotEquals": {
          "aws:sourceVpce": "${aws_vpc_endpoint.vpce_1a2b3c4d.id}"
        }
      }
    }
  ]
}
EOT
}

resource "aws_s3_bucket" "bucket_west" {
  region = "us-west-2"
  bucket = "bucket-west"
}
