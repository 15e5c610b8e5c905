FROM centos:7
RUN yum clean all && yum -y install httpd-2.4.6
